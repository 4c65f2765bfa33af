import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUserCtx } from "@/lib/server/auth/session";
import { withClock } from "@/lib/server/clock";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { previewImpact } from "@/lib/server/services/deprecations/preview-impact";
import { ActionForm } from "@/components/ui/action-form";
import { Card, EmptyState } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { publishNoticeAction } from "../../../deprecations/actions";

export const metadata: Metadata = { title: "Deprecate" };

const fmt = (d: Date) => d.toISOString().slice(0, 10);

export default async function DeprecatePage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<{ range?: string }> }) {
  const key = decodeURIComponent((await params).key);
  const range = ((await searchParams).range ?? "").trim();
  const ctx = await withClock(await requireUserCtx());
  let preview;
  let rangeError: string | null = null;
  try {
    preview = await previewImpact({ ctx, input: { productKey: key, targetRange: range } });
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    if (e instanceof ForbiddenError) {
      return <EmptyState title="Only the product's owners publish deprecation notices">Ask an owner of the team that owns {key}.</EmptyState>;
    }
    if (!(e instanceof ValidationError)) throw e;
    rangeError = e.message;
    preview = await previewImpact({ ctx, input: { productKey: key } });
  }
  const target = rangeError ? null : preview.targetRange;
  const suggested = new Date(Math.max(preview.earliestSunset.getTime(), ctx.now.getTime() + 864e5));
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div>
        <p className="text-sm"><Link href={`/products/${preview.product.key}`} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">{preview.product.name}</Link> /</p>
        <h1 className="text-2xl font-semibold tracking-tight">Announce a deprecation</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing consumers depend on disappears without a notice, a date, a replacement and reminders (30, 7 and 1 day before the sunset).</p>
      </div>

      <Card>
        <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Preview who is affected">
          <Field label="Version range to retire" htmlFor="range" hint="e.g. 2.x, ^2.1 or 2.0.4; leave empty for the whole product" error={rangeError ?? undefined} className="min-w-64 flex-1">
            <input id="range" name="range" defaultValue={range} className={inputClass} />
          </Field>
          <button type="submit" className={buttonClass("secondary")}>Preview impact</button>
        </form>
      </Card>

      <Card aria-labelledby="impact-h">
        <h2 id="impact-h" className="mb-2 text-base font-semibold">Who is affected by retiring <span className="font-mono">{target ?? "the whole product"}</span></h2>
        <p className="text-sm">Versions: {preview.versions.length ? preview.versions.map((v) => <span key={v} className="mr-1 font-mono">{v}</span>) : "none in this range"}</p>
        <p className="mt-1 text-sm" data-testid="affected-count">{preview.subscriptions.length} subscription{preview.subscriptions.length === 1 ? "" : "s"} resolve into it; earliest allowed sunset: <strong>{fmt(preview.earliestSunset)}</strong>{preview.subscriptions.some((s) => s.status === "ACTIVE") ? ` (${preview.minDays} days while subscribers remain)` : ""}.</p>
        {preview.subscriptions.length ? (
          <ul className="mt-2 space-y-1 text-sm">
            {preview.subscriptions.map((s) => (
              <li key={s.id}>{s.team.name} <span className="font-mono">{s.pinRange}</span> → <span className="font-mono">{s.version ?? "nothing"}</span>{s.consumingProductKey ? <> for <Link className="underline" href={`/products/${s.consumingProductKey}`}>{s.consumingProductKey}</Link></> : null} {s.status === "BROKEN" ? <Badge tone="red">broken</Badge> : null}</li>
            ))}
          </ul>
        ) : null}
        <h3 className="mt-3 text-sm font-semibold">Downstream products</h3>
        {preview.downstream.length ? (
          <ul className="text-sm">{preview.downstream.map((d) => <li key={d.key}><Link className="underline" href={`/products/${d.key}`}>{d.name}</Link> ({d.team}, {d.kind.toLowerCase()} dependency)</li>)}</ul>
        ) : <p className="text-sm text-zinc-600 dark:text-zinc-400">None.</p>}
      </Card>

      <Card aria-labelledby="publish-h">
        <h2 id="publish-h" className="mb-3 text-base font-semibold">Publish the notice</h2>
        <ActionForm className="space-y-3" action={publishNoticeAction} hidden={{ productKey: preview.product.key, targetRange: target ?? "" }} label="Publish the deprecation notice" submitLabel="Publish notice" pendingLabel="Publishing…">
          <p className="text-sm">Target: <span className="font-mono">{target ?? "the whole product"}</span> (change it with the preview above).</p>
          <Field label="Reason" htmlFor="reason"><textarea id="reason" name="reason" required rows={2} className={inputClass} /></Field>
          <Field label="Sunset date" htmlFor="sunsetAt" hint={`On or after ${fmt(preview.earliestSunset)} while subscribers remain`}><input id="sunsetAt" name="sunsetAt" type="date" required defaultValue={fmt(new Date(suggested.getTime() + 864e5))} className={inputClass} /></Field>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Replacement product (key)" htmlFor="replacementProductKey" hint="Empty: this product"><input id="replacementProductKey" name="replacementProductKey" className={inputClass} /></Field>
            <Field label="Replacement version range" htmlFor="replacementRange" hint="e.g. 3.x"><input id="replacementRange" name="replacementRange" className={inputClass} /></Field>
          </div>
          <Field label="Migration notes (Markdown)" htmlFor="migrationNotes" hint="Headings, lists, `code`, **bold**, *italic* and https links are rendered; HTML is shown as text."><textarea id="migrationNotes" name="migrationNotes" rows={6} className={inputClass + " font-mono"} /></Field>
          {ctx.actor.kind === "user" && ctx.actor.isPlatformAdmin ? (
            <Field label="Override reason (platform admins: allows a sunset below the minimum)" htmlFor="overrideReason"><input id="overrideReason" name="overrideReason" className={inputClass} /></Field>
          ) : null}
        </ActionForm>
      </Card>
    </div>
  );
}
