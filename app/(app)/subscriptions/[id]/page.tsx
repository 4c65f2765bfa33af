import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUserCtx } from "@/lib/server/auth/session";
import { getUpgradePlan } from "@/lib/server/services/subscriptions/get-upgrade-plan";
import { AppError } from "@/lib/server/errors";
import { Card, SectionTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { inputClass, Field } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/action-form";
import { TierBadge } from "@/components/catalog/tier-badge";
import { StateBadge } from "@/components/subscriptions/state-badge";
import { ChangeList } from "@/components/subscriptions/change-list";
import { updateSubscriptionAction, withdrawSubscriptionAction } from "../actions";

export const metadata: Metadata = { title: "Subscription" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SubscriptionPage({ params, searchParams }: Props) {
  const { id } = await params;
  const sp = await searchParams;
  const ctx = await requireUserCtx();
  const target = typeof sp.target === "string" ? sp.target : undefined;
  let data;
  try {
    data = await getUpgradePlan(ctx, id, target);
  } catch (e) {
    if (e instanceof AppError && (e.status === 404 || e.status === 400)) notFound();
    throw e;
  }
  const { sub, plan } = data;
  const fmt = (d: Date) => d.toISOString().slice(0, 10);
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm"><Link href="/subscriptions" className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">My subscriptions</Link> /</p>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
          {sub.consumerTeam.name} → <Link href={`/products/${sub.product.key}`} className="underline-offset-2 hover:underline">{sub.product.name}</Link> <TierBadge tier={sub.product.tier} />
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
          <span>Pin <span className="font-mono font-semibold">{sub.pinRange}</span></span>
          <span>resolves to <span className="font-mono font-semibold">{sub.resolved ?? "nothing"}</span></span>
          <StateBadge state={sub.state} status={sub.status} daysToSunset={sub.daysToSunset} />
          {sub.consumingProduct ? <span>for <span className="font-mono">{sub.consumingProduct.key}</span> ({sub.dependencyKind.toLowerCase()} dependency)</span> : null}
        </p>
        {sp.created ? <p role="status" className="mt-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">{sub.status === "PENDING" ? `Requested: ${sub.product.team.name} approves subscriptions to this product. You will be notified.` : "Subscribed."}</p> : null}
        {sub.product.tier !== "GOLD" && !sub.consumingProduct ? (
          <p className="mt-2 text-sm text-amber-900 dark:text-amber-200">This is a {sub.product.tier.toLowerCase()} product: outside the cross-domain interface (GOLD). It may change with less notice.</p>
        ) : null}
      </div>

      <Card aria-labelledby="upgrade-title">
        <SectionTitle id="upgrade-title">Upgrade assistant</SectionTitle>
        {!plan ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">You are on the newest version. Nothing to upgrade to.</p>
        ) : (
          <div className="space-y-4">
            <form method="get" className="flex flex-wrap items-end gap-2">
              <Field label="Compare with version" htmlFor="target">
                <select id="target" name="target" defaultValue={plan.to} className={inputClass}>
                  {sub.upgradeTargets.map((v) => <option key={v} value={v}>{v}</option>)}
                </select>
              </Field>
              <button type="submit" className={buttonClass("secondary")}>Show changes</button>
            </form>
            <p className="text-sm">
              From <span className="font-mono font-semibold">{plan.from ?? "nothing"}</span> to <span className="font-mono font-semibold">{plan.to}</span>:{" "}
              {plan.breaking.length ? <Badge tone="red">{plan.breaking.length} breaking {plan.breaking.length === 1 ? "change" : "changes"}</Badge> : <Badge tone="green">no breaking change</Badge>}
            </p>
            {plan.breaking.length ? (
              <div>
                <h3 className="mb-1 text-sm font-semibold">What would break</h3>
                <ChangeList changes={plan.breaking} label="Breaking changes" />
              </div>
            ) : null}
            {plan.notices.map((n) => (
              <div key={n.id} className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
                <p className="font-semibold">Your version retires on {fmt(n.sunsetAt)}: {n.reason}</p>
                {n.migrationNotes ? <p className="mt-1 whitespace-pre-line text-xs">{n.migrationNotes}</p> : null}
              </div>
            ))}
            {plan.additive.length ? (
              <details>
                <summary className="cursor-pointer text-sm font-semibold">Additions ({plan.additive.length})</summary>
                <div className="mt-2"><ChangeList changes={plan.additive} label="Additions" /></div>
              </details>
            ) : null}
            {plan.editorial.length ? (
              <details>
                <summary className="cursor-pointer text-sm font-semibold">Editorial changes ({plan.editorial.length})</summary>
                <div className="mt-2"><ChangeList changes={plan.editorial} label="Editorial changes" /></div>
              </details>
            ) : null}
            {sub.canManage ? (
              <ActionForm action={updateSubscriptionAction} hidden={{ id: sub.id, pinRange: plan.suggestedPin }} label="Move the pin" submitLabel={`Move pin to ${plan.suggestedPin}`} pendingLabel="Moving…" success={`Pin moved to ${plan.suggestedPin}.`} />
            ) : null}
          </div>
        )}
      </Card>

      {sub.canManage ? (
        <div className="grid gap-5 md:grid-cols-2">
          <Card>
            <SectionTitle>Pin and purpose</SectionTitle>
            <ActionForm action={updateSubscriptionAction} hidden={{ id: sub.id }} label="Change pin or purpose" submitLabel="Save">
              <Field label="Version pin" htmlFor="pinRange" hint="^2.1 compatible updates · ~2.1.3 patches only · 2.1.4 exact · 2.x whole major">
                <input id="pinRange" name="pinRange" defaultValue={sub.pinRange} className={inputClass + " font-mono"} required />
              </Field>
              <Field label="Purpose" htmlFor="purpose">
                <textarea id="purpose" name="purpose" defaultValue={sub.purpose} rows={3} className={inputClass} required />
              </Field>
            </ActionForm>
          </Card>
          <Card>
            <SectionTitle>End this subscription</SectionTitle>
            <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">The owner is told. You can subscribe again later.</p>
            <ActionForm action={withdrawSubscriptionAction} hidden={{ id: sub.id }} label="Withdraw" submitLabel={sub.status === "PENDING" ? "Withdraw the request" : "Unsubscribe"} variant="secondary" />
          </Card>
        </div>
      ) : null}

      <Card>
        <SectionTitle>Versions of {sub.product.key}</SectionTitle>
        <ol className="flex flex-wrap gap-2 text-sm">
          {sub.product.versions.map((v) => (
            <li key={v.version} className={`rounded-md border px-2 py-1 font-mono ${v.version === sub.resolved ? "border-indigo-500 bg-indigo-50 dark:bg-indigo-950" : "border-zinc-200 dark:border-zinc-700"}`}>
              {v.version}
              {v.status !== "PUBLISHED" ? <span className="ml-1 text-xs">({v.status.toLowerCase()})</span> : null}
              {v.version === sub.resolved ? <span className="sr-only"> (resolved)</span> : null}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
