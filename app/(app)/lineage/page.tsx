import type { Metadata } from "next";
import Link from "next/link";
import { requireUserCtx } from "@/lib/server/auth/session";
import { getGovernanceReport } from "@/lib/server/services/lineage/get-governance-report";
import { Card, EmptyState } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { TierBadge } from "@/components/catalog/tier-badge";
import { Field, inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/action-form";
import { reopenViolationAction, waiveViolationAction } from "./actions";

export const metadata: Metadata = { title: "Governance report" };

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace("T", " ") : "—");
const RULE_LABEL: Record<string, string> = {
  "tier.cross-domain-gold-only": "reads another domain below GOLD",
  "tier.same-domain-order": "breaks the tier order inside its domain",
  "topology.no-cycles": "closes a dependency cycle",
};
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

type Sp = { domain?: string; team?: string; status?: string };

/** Observed reads (OpenLineage) that break the governance rules; every signed-in user sees it. */
export default async function GovernanceReportPage({ searchParams }: { searchParams: Promise<Sp> }) {
  const ctx = await requireUserCtx();
  const sp = await searchParams;
  const status = ["open", "waived", "all"].includes(one(sp.status) ?? "") ? one(sp.status) : "open";
  const r = await getGovernanceReport(ctx, { domain: one(sp.domain), team: one(sp.team), status });
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Governance report</h1>
          <p className="max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">
            Reads seen in lineage events (OpenLineage) that break the same tier rules as declared dependencies: across domains only GOLD, GOLD never reads BRONZE, no cycles.
            They are recorded, never refused; the owners of both products see the flag.
          </p>
        </div>
        <Link href="/lineage/unclaimed" className={buttonClass("secondary")}>Unclaimed datasets ({r.counts.unclaimedDatasets})</Link>
      </div>

      <dl className="grid gap-3 sm:grid-cols-3" aria-label="Counts">
        <Card as="div"><dt className="text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Open flags</dt><dd className="text-2xl font-semibold">{r.counts.open}</dd></Card>
        <Card as="div"><dt className="text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Waived</dt><dd className="text-2xl font-semibold">{r.counts.waived}</dd></Card>
        <Card as="div">
          <dt className="text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Open, by rule</dt>
          <dd className="mt-1 space-y-0.5 text-sm">
            {Object.keys(r.counts.byRule).length ? Object.entries(r.counts.byRule).map(([rule, n]) => <p key={rule}><span className="font-mono text-xs">{rule}</span>: {n}</p>) : <p>none</p>}
          </dd>
        </Card>
      </dl>

      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the report">
        <Field label="Domain" htmlFor="f-domain">
          <select id="f-domain" name="domain" defaultValue={r.filters.domain ?? ""} className={inputClass}>
            <option value="">All domains</option>
            {r.domains.map((d) => <option key={d.slug} value={d.slug}>{d.name}</option>)}
          </select>
        </Field>
        <Field label="Team" htmlFor="f-team">
          <select id="f-team" name="team" defaultValue={r.filters.team ?? ""} className={inputClass}>
            <option value="">All teams</option>
            {r.teams.map((t) => <option key={t.slug} value={t.slug}>{t.name}</option>)}
          </select>
        </Field>
        <Field label="Status" htmlFor="f-status">
          <select id="f-status" name="status" defaultValue={r.filters.status} className={inputClass}>
            <option value="open">Open</option>
            <option value="waived">Waived</option>
            <option value="all">All</option>
          </select>
        </Field>
        <button type="submit" className={buttonClass("secondary")}>Filter</button>
      </form>

      {r.flags.length === 0 ? (
        <EmptyState title="No flagged reads">Nothing observed in lineage breaks the rules{r.filters.domain || r.filters.team ? " for this filter" : ""}.</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Flagged observed dependencies">
          {r.flags.map((f) => (
            <Card as="li" key={f.id} aria-label={`${f.downstream.key} reads ${f.upstream.key}`}>
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <Link href={`/products/${encodeURIComponent(f.downstream.key)}`} className="font-mono text-indigo-700 underline underline-offset-2 dark:text-indigo-300">{f.downstream.key}</Link>
                <TierBadge tier={f.downstream.tier as "GOLD"} />
                <span>reads</span>
                <Link href={`/products/${encodeURIComponent(f.upstream.key)}`} className="font-mono text-indigo-700 underline underline-offset-2 dark:text-indigo-300">{f.upstream.key}</Link>
                <TierBadge tier={f.upstream.tier as "GOLD"} />
                {f.rules.map((rule) => <Badge key={rule} tone={f.waiver ? "neutral" : "red"} title={RULE_LABEL[rule]}>{rule}</Badge>)}
                {f.waiver ? <Badge>waived</Badge> : null}
              </p>
              <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{f.message}</p>
              <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                Teams {f.downstream.team} and {f.upstream.team} · job {f.jobs.map((j, i) => <span key={j}>{i ? ", " : ""}<span className="font-mono">{j}</span></span>)} · {f.runs} {f.runs === 1 ? "run" : "runs"} · first seen {when(f.firstSeen)} UTC · last seen {when(f.lastSeen)} UTC
              </p>
              {f.waiver ? <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">Waived by {f.waiver.by} on {when(f.waiver.at)} UTC: {f.waiver.reason}</p> : null}
              {r.canWaive && !f.waiver ? (
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-medium">Waive this flag</summary>
                  <ActionForm action={waiveViolationAction} hidden={{ dependencyId: f.id }} label={`Waive the flag on ${f.downstream.key} reading ${f.upstream.key}`} submitLabel="Waive" success="Waived." className="mt-2 space-y-2">
                    <Field label="Reason (kept in the audit trail)" htmlFor={`reason-${f.id}`}><input id={`reason-${f.id}`} name="reason" required minLength={5} maxLength={500} className={inputClass} /></Field>
                  </ActionForm>
                </details>
              ) : null}
              {r.canWaive && f.waiver ? (
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-medium">Reopen this flag</summary>
                  <ActionForm action={reopenViolationAction} hidden={{ dependencyId: f.id }} label={`Reopen the flag on ${f.downstream.key} reading ${f.upstream.key}`} submitLabel="Reopen" success="Reopened." className="mt-2 space-y-2">
                    <Field label="Why (optional, kept in the audit trail)" htmlFor={`reopen-${f.id}`}><input id={`reopen-${f.id}`} name="reason" maxLength={500} className={inputClass} /></Field>
                  </ActionForm>
                </details>
              ) : null}
            </Card>
          ))}
        </ul>
      )}
    </div>
  );
}
