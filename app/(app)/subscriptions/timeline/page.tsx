import type { Metadata } from "next";
import Link from "next/link";
import { requireUserCtx } from "@/lib/server/auth/session";
import { withClock } from "@/lib/server/clock";
import { listTeamDeprecations } from "@/lib/server/services/deprecations/list-team-deprecations";
import { scaleFor } from "@/lib/domain/deprecations/timeline";
import { TimelineChart, type TimelineRow } from "@/components/timeline/timeline-chart";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { acknowledgeNoticeAction } from "../../deprecations/actions";

export const metadata: Metadata = { title: "What of mine is going away" };

const fmt = (d: Date) => d.toISOString().slice(0, 10);

export default async function TeamTimelinePage() {
  const ctx = await withClock(await requireUserCtx());
  const items = await listTeamDeprecations(ctx);
  const withNotice = items.filter((i) => i.notice);
  const scale = scaleFor(withNotice.flatMap((i) => [i.notice!.announcedAt, i.notice!.sunsetAt]), ctx.now);
  const rows: TimelineRow[] = withNotice.map((i) => ({
    id: i.id,
    label: i.product.key.split(".").slice(1).join("."),
    segments: [{ from: i.notice!.announcedAt, to: i.notice!.sunsetAt, kind: "deprecated" }],
    markers: [{ at: i.notice!.sunsetAt, label: `Sunset ${fmt(i.notice!.sunsetAt)}` }],
    summary: `${i.consumerTeam.name} on ${i.product.key} ${i.pinRange} (resolves to ${i.resolved}): sunset ${fmt(i.notice!.sunsetAt)}, ${i.daysToSunset} days left; ${i.ack ? i.ack.toLowerCase() : "not acknowledged"}`,
  }));
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm"><Link href="/subscriptions" className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">My subscriptions</Link> /</p>
        <h1 className="text-2xl font-semibold tracking-tight">What of mine is going away</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Every subscription of your teams that resolves into a deprecated range, soonest sunset first.</p>
      </div>
      {items.length === 0 ? (
        <EmptyState title="Nothing your teams use is being retired" />
      ) : (
        <>
          <Card><TimelineChart title="Your teams' deprecated subscriptions" rows={rows} scale={scale} now={ctx.now} /></Card>
          <ul className="space-y-3">
            {items.map((i) => (
              <li key={i.id} data-testid="going-away" className="space-y-2 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/subscriptions/${i.id}`} className="font-semibold hover:underline">{i.product.name}</Link>
                  <span className="font-mono text-sm">{i.pinRange} → {i.resolved}</span>
                  <Badge tone={(i.daysToSunset ?? 0) <= 30 ? "red" : "amber"}>{i.daysToSunset} days left</Badge>
                  {i.ack ? <Badge tone={i.ack === "MIGRATED" ? "green" : "neutral"}>{i.ack === "MIGRATED" ? "migrated" : "seen"}</Badge> : <Badge>not acknowledged</Badge>}
                </div>
                <p className="text-sm">Team {i.consumerTeam.name} · sunset {i.sunsetAt ? fmt(i.sunsetAt) : "–"} · replacement <span className="font-mono">{i.replacement ? `${i.replacement.key} ${i.replacement.range ?? ""}` : "none named"}</span> · <Link className="underline" href={`/products/${i.product.key}/deprecations${i.notice ? `#notice-${i.notice.id}` : ""}`}>notice and migration notes</Link></p>
                {i.notice ? (
                  <div className="flex flex-wrap gap-2">
                    {i.ack !== "SEEN" && i.ack !== "MIGRATED" ? <ActionForm action={acknowledgeNoticeAction} hidden={{ id: i.notice.id, team: i.consumerTeam.slug, state: "SEEN" }} label={`Mark the notice on ${i.product.key} seen for ${i.consumerTeam.name}`} submitLabel="Mark seen" variant="secondary" /> : null}
                    {i.ack !== "MIGRATED" ? <ActionForm action={acknowledgeNoticeAction} hidden={{ id: i.notice.id, team: i.consumerTeam.slug, state: "MIGRATED" }} label={`Mark ${i.consumerTeam.name} migrated off ${i.product.key}`} submitLabel="Mark migrated" variant="secondary" /> : null}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
