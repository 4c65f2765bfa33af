// SLOs, measurements and statuses: each SLO evaluated by lib/domain/slo/status (also replayed over
// the history to record status changes), product status = worst objective, at risk = a HARD
// upstream, transitively, is RED.
import type { Prisma } from "../../lib/server/db/generated/client";
import { evaluateSlo, type SloStatus, type SloSpec } from "../../lib/domain/slo/status";
import { effectiveStatuses, worstStatus, type KindedEdge } from "../../lib/domain/topology/effective-status";
import type { Objective } from "../../lib/domain/slo/objective";
import { planSlos, type SloPlan } from "./build-slos";
import { MINUTE, type Clock } from "./clock";
import { newId } from "./ids";
import type { CatalogPlan } from "./plan-catalog";
import type { ContractsPlan } from "./plan-contracts";

export type MeasurementColumns = {
  sloId: string[];
  productId: string[];
  value: number[];
  met: boolean[];
  observedAt: string[];
  receivedAt: string[];
  idempotencyKey: string[];
};

export type ProductStatus = { sloStatus: SloStatus; atRisk: boolean; degraded: boolean };

export type StatusPlan = {
  slos: Prisma.SloCreateManyInput[];
  measurements: MeasurementColumns;
  statusChanges: Prisma.StatusChangeCreateManyInput[];
  products: Map<string, ProductStatus>;
};

/** Product status = worst objective (lib/domain/topology/effective-status, shared with the status job). */
export const worst = worstStatus;

type Timeline = { at: Date; status: SloStatus }[];

/**
 * Status changes over the history. Between events nothing the status depends on changes (the
 * latest value's pass/fail, the misses in the window, silence), so evaluating at the events is
 * exact: each miss, the measurement after it, the first one after a miss leaves the window,
 * the moment silence turns the status UNKNOWN, and now.
 */
function replay(spec: SloSpec, plan: SloPlan, now: Date): Timeline {
  const ms = plan.measurements;
  const windowMs = spec.windowDays * 24 * 60 * MINUTE;
  const silenceMs = 2 * spec.cadenceMinutes * MINUTE + MINUTE;
  const times = new Set<number>();
  ms.forEach((m, i) => {
    const t = m.observedAt.getTime();
    if (i === 0) times.add(t);
    if (!m.met) {
      times.add(t);
      if (ms[i + 1]) times.add(ms[i + 1]!.observedAt.getTime());
      const leaves = ms.find((x) => x.observedAt.getTime() > t + windowMs);
      if (leaves) times.add(leaves.observedAt.getTime());
    }
    const next = ms[i + 1]?.observedAt.getTime() ?? now.getTime();
    if (t + silenceMs < next) {
      times.add(t + silenceMs);
      if (ms[i + 1]) times.add(next);
    }
  });
  times.add(now.getTime());
  const out: Timeline = [];
  let start = 0;
  let end = 0;
  for (const t of [...times].sort((a, b) => a - b)) {
    while (end < ms.length && ms[end]!.observedAt.getTime() <= t) end++;
    while (start < end && ms[start]!.observedAt.getTime() <= t - windowMs) start++;
    const { status } = evaluateSlo({ slo: spec, measurements: ms.slice(start, end), now: new Date(t) });
    if (out.length === 0 || out[out.length - 1]!.status !== status) out.push({ at: new Date(t), status });
  }
  return out;
}

export function planStatus(clock: Clock, catalog: CatalogPlan, contracts: ContractsPlan, hardUpstreams: Map<string, string[]>, softUpstreams: Map<string, string[]>): StatusPlan {
  const slos: Prisma.SloCreateManyInput[] = [];
  const cols: MeasurementColumns = { sloId: [], productId: [], value: [], met: [], observedAt: [], receivedAt: [], idempotencyKey: [] };
  const statusChanges: Prisma.StatusChangeCreateManyInput[] = [];
  const own = new Map<string, SloStatus>();

  for (const p of catalog.products) {
    if (p.lifecycleStatus === "RETIRED") continue;
    const version = contracts.current.get(p.key)!;
    const timelines: { objective: Objective; timeline: Timeline }[] = [];
    const statuses: SloStatus[] = [];
    for (const plan of planSlos(p.key, version.document.sla, p.def.streaming ?? false, clock)) {
      const spec: SloSpec = { objective: plan.objective, threshold: plan.threshold, targetPercent: plan.targetPercent, windowDays: plan.windowDays, cadenceMinutes: plan.cadenceMinutes };
      const e = evaluateSlo({ slo: spec, measurements: plan.measurements, now: clock.now });
      const id = newId();
      slos.push({
        id,
        productId: p.id,
        contractVersionId: version.id,
        ...spec,
        status: e.status,
        currentValue: e.currentValue,
        attainment: e.attainment,
        budgetRemaining: e.budgetRemaining,
        burnRate: e.burnRate,
        lastMeasuredAt: e.lastMeasuredAt,
        statusComputedAt: clock.now,
        createdAt: version.publishedAt,
      });
      statuses.push(e.status);
      const prefix = plan.objective.toLowerCase();
      for (const m of plan.measurements) {
        cols.sloId.push(id);
        cols.productId.push(p.id);
        cols.value.push(m.value);
        cols.met.push(m.met);
        cols.observedAt.push(m.observedAt.toISOString());
        cols.receivedAt.push(new Date(m.observedAt.getTime() + 40_000).toISOString());
        cols.idempotencyKey.push(`${prefix}:${m.observedAt.toISOString()}`);
      }
      const timeline = replay(spec, plan, clock.now);
      if (timeline.length > 0 && timeline[timeline.length - 1]!.status !== e.status) {
        throw new Error(`Seed: replayed status of ${p.key} ${plan.objective} ends ${timeline[timeline.length - 1]!.status}, evaluated ${e.status}`);
      }
      timelines.push({ objective: plan.objective, timeline });
      for (let i = 1; i < timeline.length; i++) {
        statusChanges.push({ productId: p.id, objective: plan.objective, fromStatus: timeline[i - 1]!.status, toStatus: timeline[i]!.status, at: timeline[i]!.at });
      }
    }
    own.set(p.id, worst(statuses));
    statusChanges.push(...productTimeline(p.id, timelines));
  }

  // At risk / degraded: the same pure rule the status job applies (lib/domain/topology/effective-status).
  const edges: KindedEdge[] = [];
  for (const [d, ups] of hardUpstreams) for (const u of ups) edges.push({ downstream: d, upstream: u, kind: "HARD" });
  for (const [d, ups] of softUpstreams) for (const u of ups) edges.push({ downstream: d, upstream: u, kind: "SOFT" });
  const ownAll = new Map(catalog.products.map((p) => [p.id, own.get(p.id) ?? ("UNKNOWN" as SloStatus)]));
  const effective = effectiveStatuses(ownAll, edges);
  const products = new Map<string, ProductStatus>();
  for (const p of catalog.products) {
    const e = effective.get(p.id)!;
    products.set(p.id, { sloStatus: ownAll.get(p.id)!, atRisk: e.atRisk, degraded: e.degraded });
  }
  return { slos, measurements: cols, statusChanges, products };
}

/** Product-level changes (objective null): the worst objective over time. */
function productTimeline(productId: string, timelines: { objective: Objective; timeline: Timeline }[]): Prisma.StatusChangeCreateManyInput[] {
  const events = timelines.flatMap(({ objective, timeline }) => timeline.map((t, i) => ({ ...t, objective, first: i === 0 })));
  if (events.length === 0) return [];
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  const current = new Map<Objective, SloStatus>(timelines.map(({ objective }) => [objective, "GREEN"]));
  const out: Prisma.StatusChangeCreateManyInput[] = [];
  let previous: SloStatus = "GREEN";
  for (const e of events) {
    current.set(e.objective, e.status);
    const next = worst([...current.values()]);
    if (next !== previous && !e.first) out.push({ productId, objective: null, fromStatus: previous, toStatus: next, at: e.at });
    previous = next;
  }
  return out;
}
