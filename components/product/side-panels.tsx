import Link from "next/link";
import type { ProductPage } from "@/lib/server/services/catalog/get-product";
import { Card, SectionTitle } from "../ui/card";
import { Badge } from "../ui/badge";
import { StatusLight } from "../catalog/status-light";
import { TierBadge } from "../catalog/tier-badge";
import { Changelog } from "../contracts/changelog";

const fmtDate = (d: Date) => d.toISOString().slice(0, 10);
const OBJ = { FRESHNESS: "Freshness", COMPLETENESS: "Completeness", ACCURACY: "Accuracy", AVAILABILITY: "Availability", LATE_ARRIVAL: "Late arrivals" } as const;

export function OwnerPanel({ p }: { p: ProductPage }) {
  return (
    <Card>
      <SectionTitle>Owner</SectionTitle>
      <dl className="space-y-1.5 text-sm">
        <div className="flex justify-between gap-2"><dt className="text-zinc-600 dark:text-zinc-400">Team</dt><dd className="font-medium">{p.team.name}</dd></div>
        <div className="flex justify-between gap-2"><dt className="text-zinc-600 dark:text-zinc-400">On call</dt><dd className="font-mono">{p.team.onCallHandle ?? "—"}</dd></div>
        <div className="flex justify-between gap-2"><dt className="text-zinc-600 dark:text-zinc-400">Channel</dt><dd className="font-mono">{p.team.contactChannel ?? "—"}</dd></div>
        <div className="flex justify-between gap-2"><dt className="text-zinc-600 dark:text-zinc-400">Approval</dt><dd>{p.requiresApproval ? "Owner approves subscriptions" : "Automatic"}</dd></div>
      </dl>
      {p.outputPorts.length ? (
        <>
          <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Output ports</h3>
          <ul className="mt-1 space-y-1.5 text-sm">
            {p.outputPorts.map((o) => (
              <li key={o.name}>
                <span className="font-medium">{o.name}</span> <Badge>{o.kind.toLowerCase()}</Badge>
                <span className="block break-all font-mono text-xs text-zinc-600 dark:text-zinc-400">{o.platform ? `${o.platform}: ` : ""}{o.location}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}

export function SloPanel({ p }: { p: ProductPage }) {
  return (
    <Card>
      <SectionTitle action={<StatusLight status={p.sloStatus} atRisk={p.atRisk} />}>Service levels</SectionTitle>
      {p.slos.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">No objectives.</p> : null}
      <ul className="space-y-2 text-sm">
        {p.slos.map((s) => (
          <li key={s.objective} className="flex items-center justify-between gap-2">
            <span>
              <span className="font-medium">{OBJ[s.objective]}</span>
              <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                {s.targetPercent}% over {s.windowDays} days
                {s.budgetRemaining != null ? ` · budget left ${Math.max(0, Math.round(s.budgetRemaining * 100))}%` : ""}
              </span>
            </span>
            <StatusLight status={s.status} objective />
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** Observed edges are marked; a governance flag shows its rule (waived flags stay visible, muted). */
function EdgeMarks({ e }: { e: { origin: string; violation: string | null; waivedAt: Date | null } }) {
  if (e.origin !== "OBSERVED" && !e.violation) return null;
  return (
    <div className="mt-0.5 flex flex-wrap gap-1 pl-1">
      {e.origin === "OBSERVED" ? <Badge tone="indigo" title="Seen in OpenLineage events">observed</Badge> : null}
      {e.violation ? (
        <Badge tone={e.waivedAt ? "neutral" : "red"} title={e.waivedAt ? "Governance flag, waived by a platform admin" : "Governance flag"}>
          {e.waivedAt ? "waived: " : "flag: "}{e.violation.split(",").join(", ")}
        </Badge>
      ) : null}
    </div>
  );
}

export function DependencyPanel({ p }: { p: ProductPage }) {
  return (
    <Card>
      <SectionTitle>Dependencies</SectionTitle>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Reads from</h3>
      <ul className="mb-3 mt-1 space-y-1 text-sm">
        {p.upstreamEdges.length === 0 ? <li className="text-zinc-600 dark:text-zinc-400">Nothing declared or observed</li> : null}
        {p.upstreamEdges.map((e, i) => (
          <li key={i}>
            <div className="flex items-start gap-1.5">
              <Badge tone={e.kind === "HARD" ? "red" : "neutral"}>{e.kind.toLowerCase()}</Badge>
              {e.upstreamProduct ? <Link className="min-w-0 break-all font-mono text-xs leading-5 hover:underline" href={`/products/${e.upstreamProduct.key}`}>{e.upstreamProduct.key}</Link> : <span className="text-xs leading-5">{e.upstreamSource?.name} ({e.upstreamSource?.kind})</span>}
            </div>
            <EdgeMarks e={e} />
          </li>
        ))}
      </ul>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Read by</h3>
      <ul className="mt-1 space-y-1 text-sm">
        {p.downstreamEdges.length === 0 ? <li className="text-zinc-600 dark:text-zinc-400">No downstream products</li> : null}
        {p.downstreamEdges.map((e, i) => (
          <li key={i}>
            <div className="flex items-start gap-1.5">
              <Badge tone={e.kind === "HARD" ? "red" : "neutral"}>{e.kind.toLowerCase()}</Badge>
              <Link className="min-w-0 break-all font-mono text-xs leading-5 hover:underline" href={`/products/${e.downstream.key}`}>{e.downstream.key}</Link>
            </div>
            <EdgeMarks e={e} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function SubscribersPanel({ p }: { p: ProductPage }) {
  return (
    <Card>
      <SectionTitle>Subscribers ({p.subscriptions.length})</SectionTitle>
      <ul className="space-y-2 text-sm">
        {p.subscriptions.length === 0 ? <li className="text-zinc-600 dark:text-zinc-400">No team subscribes yet.</li> : null}
        {p.subscriptions.map((s) => (
          <li key={s.id}>
            <span className="font-medium">{s.consumerTeam.name}</span> <span className="font-mono text-xs">{s.pinRange}</span>
            {s.resolvedVersion ? <span className="text-xs text-zinc-600 dark:text-zinc-400"> → {s.resolvedVersion.version}</span> : null}
            {s.status !== "ACTIVE" ? <Badge tone={s.status === "BROKEN" ? "red" : "amber"} className="ml-1">{s.status.toLowerCase()}</Badge> : null}
            <span className="block text-xs text-zinc-600 dark:text-zinc-400">{s.purpose}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function VersionHistory({ p }: { p: ProductPage }) {
  return (
    <Card>
      <SectionTitle>Version history</SectionTitle>
      <ol className="space-y-3">
        {p.versions.map((v) => (
          <li key={v.id} className="border-l-2 border-zinc-200 pl-3 dark:border-zinc-700">
            <p className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-mono font-semibold">{v.version}</span>
              {v.changeClass ? <Badge tone={v.changeClass === "MAJOR" ? "red" : v.changeClass === "MINOR" ? "indigo" : "neutral"}>{v.changeClass.toLowerCase()}</Badge> : <Badge>first</Badge>}
              {v.status !== "PUBLISHED" ? <Badge tone={v.status === "RETIRED" ? "red" : "amber"}>{v.status.toLowerCase()}</Badge> : null}
              <span className="text-xs text-zinc-600 dark:text-zinc-400">{fmtDate(v.publishedAt)}{v.publishedBy ? ` by ${v.publishedBy.name}` : ""}</span>
            </p>
            {v.changelog ? <div className="mt-1"><Changelog text={v.changelog} headingLevel={3} /></div> : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}

export function FamilyTabs({ p }: { p: ProductPage }) {
  const order = { BRONZE: 0, SILVER: 1, GOLD: 2 } as const;
  const fam = [...p.family].sort((a, b) => order[a.tier] - order[b.tier]);
  return (
    <nav aria-label={`The ${p.topic} family across tiers`} className="flex flex-wrap gap-2">
      {fam.map((f) => (
        <Link
          key={f.key}
          href={`/products/${f.key}`}
          aria-current={f.key === p.key ? "page" : undefined}
          className={`flex items-center gap-2 rounded-lg border px-3 py-1.5 text-sm ${f.key === p.key ? "border-indigo-500 bg-indigo-50 dark:bg-indigo-950" : "border-zinc-200 hover:border-indigo-300 dark:border-zinc-700"}`}
        >
          <TierBadge tier={f.tier} />
          <span className="font-mono text-xs">{f.currentVersion?.version ?? "—"}</span>
          <StatusLight status={f.sloStatus} compact />
        </Link>
      ))}
    </nav>
  );
}

export { fmtDate };
