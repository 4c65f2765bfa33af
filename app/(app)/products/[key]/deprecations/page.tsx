import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUserCtx } from "@/lib/server/auth/session";
import { withClock } from "@/lib/server/clock";
import { NotFoundError } from "@/lib/server/errors";
import { getProductDeprecations } from "@/lib/server/services/deprecations/get-product-deprecations";
import { getNoticeProgress } from "@/lib/server/services/deprecations/get-notice-progress";
import { NoticeCard } from "@/components/timeline/notice-card";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { updateNoticeAction, withdrawNoticeAction } from "../../../deprecations/actions";

export const metadata: Metadata = { title: "Deprecation notices" };

export default async function ProductDeprecationsPage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<{ published?: string }> }) {
  const key = decodeURIComponent((await params).key);
  const published = (await searchParams).published;
  const ctx = await withClock(await requireUserCtx());
  let p;
  try {
    p = await getProductDeprecations(ctx, key);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const progress = p.canPublish ? await Promise.all(p.notices.filter((n) => n.status !== "WITHDRAWN").map((n) => getNoticeProgress(ctx, n.id))) : [];
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm"><Link href={`/products/${p.key}`} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">{p.name}</Link> /</p>
          <h1 className="text-2xl font-semibold tracking-tight">Deprecation notices</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400"><Link className="underline" href={`/products/${p.key}/timeline`}>Version timeline</Link></p>
        </div>
        {p.canPublish && p.lifecycleStatus !== "RETIRED" ? <Link href={`/products/${p.key}/deprecate`} className={buttonClass()}>Announce a deprecation</Link> : null}
      </div>
      {published ? <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">Notice published: affected teams have been notified.</p> : null}
      {p.notices.length === 0 ? <EmptyState title="No deprecation notices" /> : null}
      {p.notices.map((n) => {
        const pr = progress.find((x) => x.notice.id === n.id);
        return (
          <NoticeCard key={n.id} notice={n} productKey={p.key} now={ctx.now}>
            {pr ? (
              <section aria-label="Migration progress" className="space-y-2 border-t border-zinc-200 pt-2 dark:border-zinc-800">
                <p className="text-sm font-medium" data-testid="migration-progress">{pr.migrated} of {pr.total} subscriber team{pr.total === 1 ? "" : "s"} migrated{n.status === "ACTIVE" ? ` · ${pr.daysLeft} days to sunset` : ""}</p>
                {pr.total > 0 ? <progress className="h-2 w-full" max={pr.total} value={pr.migrated} aria-label="Migrated teams" /> : null}
                <ul className="text-sm">
                  {pr.teams.map((t) => (
                    <li key={t.slug} data-testid="progress-team" className="flex flex-wrap items-center gap-2">
                      <span>{t.name}</span>
                      {t.migrated ? <Badge tone="green">migrated</Badge> : <Badge tone="amber">still on {t.subscriptions.map((s) => s.version ?? s.pinRange).join(", ")}</Badge>}
                      {t.ack === "SEEN" ? <Badge>seen</Badge> : null}
                      {t.subscriptions.some((s) => s.status === "BROKEN") ? <Badge tone="red">broken</Badge> : null}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {p.canPublish && n.status === "ACTIVE" ? (
              <div className="grid gap-3 border-t border-zinc-200 pt-2 sm:grid-cols-2 dark:border-zinc-800">
                <ActionForm action={updateNoticeAction} hidden={{ id: n.id }} label="Move the sunset" submitLabel="Move sunset" variant="secondary">
                  <Field label="New sunset date" htmlFor={`sunset-${n.id}`} hint="Later at any time; earlier only within the minimum window"><input id={`sunset-${n.id}`} name="sunsetAt" type="date" required defaultValue={n.sunsetAt.toISOString().slice(0, 10)} className={inputClass} /></Field>
                </ActionForm>
                <ActionForm action={withdrawNoticeAction} hidden={{ id: n.id }} label="Withdraw the notice" submitLabel="Withdraw notice" variant="secondary">
                  <Field label="Why withdraw?" htmlFor={`withdraw-${n.id}`}><input id={`withdraw-${n.id}`} name="reason" required minLength={3} className={inputClass} /></Field>
                </ActionForm>
              </div>
            ) : null}
          </NoticeCard>
        );
      })}
    </div>
  );
}
