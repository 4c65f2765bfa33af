import type { Metadata } from "next";
import Link from "next/link";
import { requireUserCtx } from "@/lib/server/auth/session";
import { withClock } from "@/lib/server/clock";
import { listNoticeFilters, listNotices } from "@/lib/server/services/deprecations/list-notices";
import { TimelineChart, type TimelineRow } from "@/components/timeline/timeline-chart";
import { TierBadge } from "@/components/catalog/tier-badge";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Deprecations" };

const fmt = (d: Date) => d.toISOString().slice(0, 10);
const DAY = 864e5;

export default async function DeprecationsPage({ searchParams }: { searchParams: Promise<{ domain?: string; team?: string }> }) {
  const ctx = await withClock(await requireUserCtx());
  const sp = await searchParams;
  const domain = sp.domain?.trim() || undefined;
  const team = sp.team?.trim() || undefined;
  const now = ctx.now;
  const until = new Date(now.getTime() + 365 * DAY);
  const [notices, filters] = await Promise.all([listNotices({ now, until, domain, team }), listNoticeFilters()]);
  const upcoming = notices.filter((n) => n.status === "ACTIVE" && n.sunsetAt >= now);
  const scale = { start: new Date(now.getTime() - 30 * DAY), end: until };
  const rows: TimelineRow[] = upcoming.map((n) => ({
    id: n.id,
    label: `${n.product.key.split(".").slice(1).join(".")} ${n.targetRange ?? ""}`.trim(),
    segments: [{ from: n.announcedAt < scale.start ? scale.start : n.announcedAt, to: n.sunsetAt, kind: "deprecated" }],
    markers: [{ at: n.sunsetAt, label: `Sunset ${fmt(n.sunsetAt)}` }],
    summary: `${n.product.key} ${n.targetRange ?? "(whole product)"}: announced ${fmt(n.announcedAt)}, sunset ${fmt(n.sunsetAt)} (${Math.ceil((n.sunsetAt.getTime() - now.getTime()) / DAY)} days), owner ${n.product.team.name}`,
  }));
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Deprecations</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Every announced retirement in the catalog, soonest first. <Link className="underline" href="/subscriptions/timeline">What of mine is going away?</Link> · <a className="underline" href="/feeds/deprecations.atom">Atom feed</a></p>
        </div>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Filter deprecations">
        <div>
          <label htmlFor="f-domain" className="block text-sm font-medium">Domain</label>
          <select id="f-domain" name="domain" defaultValue={domain ?? ""} className={inputClass}>
            <option value="">All domains</option>
            {filters.domains.map((d) => <option key={d.slug} value={d.slug}>{d.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="f-team" className="block text-sm font-medium">Owner team</label>
          <select id="f-team" name="team" defaultValue={team ?? ""} className={inputClass}>
            <option value="">All teams</option>
            {filters.teams.map((t) => <option key={t.slug} value={t.slug}>{t.name}</option>)}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>Filter</button>
      </form>
      <Card>
        <h2 className="mb-2 text-base font-semibold">Upcoming sunsets, next 12 months</h2>
        {rows.length ? <TimelineChart title="Upcoming sunsets over the next 12 months" rows={rows} scale={scale} now={now} /> : <p className="text-sm text-zinc-600 dark:text-zinc-400">No sunsets in the next 12 months{domain || team ? " for this filter" : ""}.</p>}
      </Card>
      {notices.length === 0 ? (
        <EmptyState title="Nothing is being retired" />
      ) : (
        <ul className="space-y-3">
          {notices.map((n) => {
            const days = Math.ceil((n.sunsetAt.getTime() - now.getTime()) / DAY);
            return (
              <li key={n.id} className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/products/${n.product.key}/deprecations#notice-${n.id}`} className="font-semibold hover:underline">{n.product.name}</Link>
                  <TierBadge tier={n.product.tier} />
                  <span className="font-mono text-sm">{n.targetRange ?? "whole product"}</span>
                  {n.status === "ACTIVE" && days > 0 ? <Badge tone={days <= 30 ? "red" : "amber"}>{days} days to sunset</Badge> : <Badge tone="red">retired</Badge>}
                </div>
                <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{n.reason}</p>
                <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                  Announced {fmt(n.announcedAt)} · sunset {fmt(n.sunsetAt)} · owner {n.product.team.name} · {n.product.activeSubscriberCount} subscribers
                  {n.replacementProduct || n.replacementRange ? ` · replacement ${n.replacementProduct?.key ?? n.product.key} ${n.replacementRange ?? ""}` : ""}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
