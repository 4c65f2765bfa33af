import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUserCtx } from "@/lib/server/auth/session";
import { getTopology, type DependencyRow } from "@/lib/server/services/topology/get-topology";
import { NotFoundError } from "@/lib/server/errors";
import { layeredLayout } from "@/lib/domain/topology/layout";
import { Card, SectionTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Field, inputClass } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/action-form";
import { SloStatusBadge } from "@/components/slo/status-badge";
import { ReliabilityNav } from "@/components/slo/product-crumbs";
import { DependencyGraph } from "@/components/slo/dependency-graph";
import { declareDependencyAction, removeDependencyAction } from "../slo-actions";

export const metadata: Metadata = { title: "Dependencies" };

const day = (iso: string | null) => (iso ? iso.slice(0, 16).replace("T", " ") + " UTC" : "—");

/** What lineage saw on an observed edge: the jobs, when, how many runs, and the rule it breaks. */
function Observed({ o }: { o: NonNullable<DependencyRow["observation"]> }) {
  return (
    <div className="w-full text-xs text-zinc-600 dark:text-zinc-400">
      {o.violationMessage ? <p className={o.waived ? "" : "text-red-800 dark:text-red-300"}>{o.violationMessage}</p> : null}
      {o.waived && o.waiverReason ? <p>Waived: {o.waiverReason}</p> : null}
      <p>
        Job {o.jobs.map((j, i) => <span key={j}>{i ? ", " : ""}<span className="font-mono">{j}</span></span>)} · {o.runs} {o.runs === 1 ? "run" : "runs"} · first seen {day(o.firstSeen)} · last seen {day(o.lastSeen)}
      </p>
    </div>
  );
}

function Rows({ rows, productKey, canManage, direction }: { rows: DependencyRow[]; productKey: string; canManage: boolean; direction: "up" | "down" }) {
  if (rows.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{direction === "up" ? "No upstream declared or observed." : "Nothing depends on this product yet."}</p>;
  return (
    <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
      {rows.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
          <span className="flex flex-wrap items-center gap-2">
            {r.other.kind === "product" ? (
              <Link href={`/products/${encodeURIComponent(r.other.key)}/dependencies`} className="font-mono text-indigo-700 underline underline-offset-2 dark:text-indigo-300">{r.other.key}</Link>
            ) : <span className="font-mono">source: {r.other.key}</span>}
            <Badge tone={r.kind === "HARD" ? "indigo" : "neutral"}>{r.kind}</Badge>
            {r.origin !== "DECLARED" ? <Badge tone={r.origin === "OBSERVED" ? "indigo" : "neutral"}>{r.origin.toLowerCase()}</Badge> : null}
            {r.observation?.violation ? (
              <Badge tone={r.observation.waived ? "neutral" : "red"}>{r.observation.waived ? "waived: " : "governance flag: "}{r.observation.violation.split(",").join(", ")}</Badge>
            ) : null}
            {r.other.sloStatus ? <SloStatusBadge status={r.other.sloStatus} /> : null}
            {r.description && !r.observation ? <span className="text-zinc-600 dark:text-zinc-400">{r.description}</span> : null}
          </span>
          {r.observation ? <Observed o={r.observation} /> : null}
          {canManage && direction === "up" && r.origin === "DECLARED" ? (
            <ActionForm action={removeDependencyAction} hidden={{ product: productKey, dependencyId: r.id }} label={`Remove dependency on ${r.other.key}`} submitLabel="Remove" variant="secondary" success="Removed." />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export default async function DependenciesPage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<{ claimed?: string; edges?: string }> }) {
  const key = decodeURIComponent((await params).key);
  const sp = await searchParams;
  const claimed = typeof sp.claimed === "string" ? sp.claimed.slice(0, 63) : null;
  const claimedEdges = Number(sp.edges) || 0;
  const ctx = await requireUserCtx();
  let t;
  try {
    t = await getTopology(ctx, key);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const { product, graph } = t;
  const layout = layeredLayout(graph.nodes.map((n) => n.id), graph.edges, { columnWidth: 260, rowHeight: 56 });
  const pos = new Map(layout.nodes.map((n) => [n.id, n]));
  const drawNodes = graph.nodes.map((n) => ({ id: n.id, key: n.key, label: n.kind === "product" ? n.key : n.name, tier: n.tier, status: n.sloStatus, atRisk: n.atRisk, root: n.root, kind: n.kind, x: pos.get(n.id)!.x, y: pos.get(n.id)!.y }));
  return (
    <div className="space-y-5">
      <ReliabilityNav productKey={product.key} productName={product.name} current="dependencies" />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Dependencies</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
          <span className="font-mono">{product.key}</span> <SloStatusBadge status={product.sloStatus} atRisk={product.atRisk} degraded={product.degraded} />
        </p>
      </div>

      {claimed ? (
        <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
          Dataset claimed: it is now the output port <span className="font-mono">{claimed}</span> of this product
          {claimedEdges ? `, and the runs already seen with it made ${claimedEdges} observed ${claimedEdges === 1 ? "dependency" : "dependencies"}` : ""}.
        </p>
      ) : null}

      {t.feasibility.length ? (
        <div role="note" aria-label="SLA feasibility warnings" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-medium">This product promises more than its hard upstreams can deliver:</p>
          <ul className="mt-1 list-disc pl-5">{t.feasibility.map((w, i) => <li key={i}>{w.message}</li>)}</ul>
        </div>
      ) : null}

      <div className="grid gap-5 lg:grid-cols-2">
        <Card aria-labelledby="up-title">
          <SectionTitle id="up-title">Upstream (what it reads)</SectionTitle>
          <Rows rows={t.upstream} productKey={product.key} canManage={t.canManage} direction="up" />
          {t.canManage ? (
            <details className="mt-3">
              <summary className="cursor-pointer text-sm font-medium">Declare an upstream</summary>
              <ActionForm action={declareDependencyAction} hidden={{ product: product.key }} label="Declare an upstream dependency" submitLabel="Declare dependency" success="Dependency declared." className="mt-2 space-y-3">
                <Field label="Upstream product key" htmlFor="dep-up" hint="e.g. inventory.stock_levels.silver"><input id="dep-up" name="upstreamProduct" className={inputClass} /></Field>
                <Field label="…or source system slug" htmlFor="dep-src"><input id="dep-src" name="upstreamSource" className={inputClass} /></Field>
                <Field label="Kind" htmlFor="dep-kind">
                  <select id="dep-kind" name="kind" className={inputClass} defaultValue="HARD">
                    <option value="HARD">HARD: without it the product is invalid</option>
                    <option value="SOFT">SOFT: an enrichment that may degrade</option>
                    <option value="CONTROL">CONTROL: schema registry, orchestrator</option>
                    <option value="TRUTH">TRUTH: used for reconciliation</option>
                  </select>
                </Field>
                <Field label="Note (optional)" htmlFor="dep-desc"><input id="dep-desc" name="description" className={inputClass} /></Field>
              </ActionForm>
            </details>
          ) : null}
        </Card>
        <Card aria-labelledby="down-title">
          <SectionTitle id="down-title" action={<Link href={`/products/${encodeURIComponent(product.key)}/impact`} className="text-sm text-indigo-700 underline dark:text-indigo-300">Full impact</Link>}>Downstream (who reads it)</SectionTitle>
          <Rows rows={t.downstream} productKey={product.key} canManage={false} direction="down" />
        </Card>
      </div>

      <Card aria-labelledby="graph-title">
        <SectionTitle id="graph-title">Graph{graph.truncated ? " (first 250 nodes)" : ""}</SectionTitle>
        <DependencyGraph nodes={drawNodes} edges={graph.edges} width={layout.width} height={layout.height} />
      </Card>
    </div>
  );
}
