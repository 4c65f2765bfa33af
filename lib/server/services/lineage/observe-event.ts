import "server-only";
import type { Tx } from "../../db/client";
import { matchDataset, normalizeNamespace, normalizeName } from "@/lib/domain/lineage/match";
import { observedEdges, type Flag, type MappedProduct } from "@/lib/domain/lineage/observe";
import { pushRecent, type TDatasetRef } from "@/lib/domain/lineage/run-event";
import type { TierRuleSettings } from "@/lib/domain/governance/tier-rules";

type Role = "input" | "output";
export type DatasetOutcome = { role: Role; namespace: string; name: string; match: "exact" | "case-insensitive" | "ambiguous" | "unclaimed"; product: string | null };
export type EdgeOutcome = { id: string; downstream: string; upstream: string; created: boolean; violation: string | null; message: string | null };
export type Observation = { datasets: DatasetOutcome[]; edges: EdgeOutcome[]; productIds: MappedProduct[] };

const productSelect = { id: true, key: true, topic: true, tier: true, domain: { select: { slug: true } } } as const;

export const normalizeRef = (d: TDatasetRef): TDatasetRef => ({ namespace: normalizeNamespace(d.namespace), name: normalizeName(d.name) });

/** Maps datasets to products through output ports (rule: lib/domain/lineage/match.ts). */
export async function mapDatasets(tx: Tx, refs: readonly TDatasetRef[]) {
  if (!refs.length) return new Map<string, { match: DatasetOutcome["match"]; product: MappedProduct | null }>();
  const ports = await tx.outputPort.findMany({
    where: {
      OR: refs.flatMap((r) => [r.namespace, `${r.namespace}/`].map((ns) => ({ namespace: { equals: ns, mode: "insensitive" as const }, location: { equals: r.name, mode: "insensitive" as const } }))),
    },
    select: { productId: true, namespace: true, location: true, product: { select: productSelect } },
  });
  const byId = new Map(ports.map((p) => [p.productId, p.product]));
  const out = new Map<string, { match: DatasetOutcome["match"]; product: MappedProduct | null }>();
  for (const r of refs) {
    const m = matchDataset(r, ports);
    const k = refKey(r);
    if (m.kind === "matched") {
      const p = byId.get(m.productId)!;
      out.set(k, { match: m.exact ? "exact" : "case-insensitive", product: { id: p.id, key: p.key, topic: p.topic, tier: p.tier, domain: p.domain.slug } });
    } else out.set(k, { match: m.kind === "ambiguous" ? "ambiguous" : "unclaimed", product: null });
  }
  return out;
}

export const refKey = (r: TDatasetRef) => `${r.namespace}\u0000${r.name}`;

/** Records (or refreshes) one observed edge; `newRun` counts a run not seen on it before. */
export async function upsertObservedEdge(tx: Tx, edge: { downstream: MappedProduct; upstream: MappedProduct; flags: Flag[] }, seen: { at: Date; job: string; newRun: boolean }): Promise<EdgeOutcome> {
  const violation = edge.flags.length ? edge.flags.map((f) => f.rule).join(",") : null;
  const message = edge.flags.length ? edge.flags.map((f) => f.message).join(" ") : null;
  const where = { downstreamId_upstreamProductId_origin: { downstreamId: edge.downstream.id, upstreamProductId: edge.upstream.id, origin: "OBSERVED" as const } };
  const existing = await tx.dependency.findUnique({ where, select: { id: true, firstObservedAt: true, lastObservedAt: true, observedJobs: true, violation: true } });
  const base = { downstream: edge.downstream.key, upstream: edge.upstream.key, violation, message };
  if (!existing) {
    const d = await tx.dependency.create({
      data: {
        downstreamId: edge.downstream.id, upstreamProductId: edge.upstream.id, origin: "OBSERVED", kind: "SOFT",
        description: `Observed in lineage: job ${seen.job}`, violation, violationMessage: message,
        firstObservedAt: seen.at, lastObservedAt: seen.at, observedRunCount: 1, observedJobs: [seen.job],
      },
      select: { id: true },
    });
    return { id: d.id, created: true, ...base };
  }
  const last = existing.lastObservedAt && existing.lastObservedAt > seen.at ? existing.lastObservedAt : seen.at;
  const first = existing.firstObservedAt && existing.firstObservedAt < seen.at ? existing.firstObservedAt : seen.at;
  // A waiver holds for the rules it was given for; a different set of broken rules reopens the flag.
  const waiverStays = violation !== null && violation === existing.violation;
  await tx.dependency.update({
    where: { id: existing.id },
    data: {
      lastObservedAt: last, firstObservedAt: first, observedJobs: pushRecent(existing.observedJobs, seen.job),
      ...(seen.newRun ? { observedRunCount: { increment: 1 } } : {}),
      violation, violationMessage: message,
      ...(waiverStays ? {} : { waivedAt: null, waivedBy: null, waiverReason: null }),
    },
  });
  return { id: existing.id, created: false, ...base };
}

/** Counts a sighting of a dataset no output port claims. */
export async function recordUnclaimed(tx: Tx, ref: TDatasetRef, role: Role, job: string, at: Date): Promise<void> {
  const where = { namespace_name: { namespace: ref.namespace, name: ref.name } };
  const ex = await tx.unclaimedDataset.findUnique({ where });
  if (!ex) {
    await tx.unclaimedDataset.create({ data: { namespace: ref.namespace, name: ref.name, firstSeen: at, lastSeen: at, eventCount: 1, readBy: role === "input" ? [job] : [], writtenBy: role === "output" ? [job] : [] } });
    return;
  }
  await tx.unclaimedDataset.update({
    where: { id: ex.id },
    data: {
      eventCount: { increment: 1 },
      lastSeen: ex.lastSeen > at ? ex.lastSeen : at,
      firstSeen: ex.firstSeen < at ? ex.firstSeen : at,
      ...(role === "input" ? { readBy: pushRecent(ex.readBy, job) } : { writtenBy: pushRecent(ex.writtenBy, job) }),
    },
  });
}

/** All product->product edges (declared and observed), for the cycle check. */
export async function productEdges(tx: Tx) {
  const rows = await tx.dependency.findMany({ where: { upstreamProductId: { not: null } }, select: { downstreamId: true, upstreamProductId: true } });
  return rows.map((e) => ({ downstream: e.downstreamId, upstream: e.upstreamProductId! }));
}

/** Maps one event's datasets and records its edges and unclaimed datasets. */
export async function observeRun(
  tx: Tx,
  ev: { inputs: TDatasetRef[]; outputs: TDatasetRef[]; job: string; at: Date; newRun: boolean },
  settings: TierRuleSettings,
  opts: { onlyProductId?: string; skipUnclaimed?: boolean } = {},
): Promise<Observation> {
  const mapped = await mapDatasets(tx, [...ev.inputs, ...ev.outputs]);
  const datasets: DatasetOutcome[] = [];
  const side = (refs: TDatasetRef[], role: Role) => {
    const products: MappedProduct[] = [];
    for (const r of refs) {
      const m = mapped.get(refKey(r))!;
      datasets.push({ role, namespace: r.namespace, name: r.name, match: m.match, product: m.product?.key ?? null });
      if (m.product) products.push(m.product);
    }
    return products;
  };
  const inputs = side(ev.inputs, "input");
  const outputs = side(ev.outputs, "output");
  if (!opts.skipUnclaimed) for (const d of datasets) if (d.match === "unclaimed") await recordUnclaimed(tx, d, d.role, ev.job, ev.at);
  const edges: EdgeOutcome[] = [];
  if (inputs.length && outputs.length) {
    const planned = observedEdges(outputs, inputs, await productEdges(tx), settings).filter((e) => !opts.onlyProductId || e.downstream.id === opts.onlyProductId || e.upstream.id === opts.onlyProductId);
    for (const e of planned) edges.push(await upsertObservedEdge(tx, e, { at: ev.at, job: ev.job, newRun: ev.newRun }));
  }
  return { datasets, edges, productIds: [...inputs, ...outputs] };
}
