import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { can } from "../../auth/guard";
import { NotFoundError, UnauthenticatedError } from "../../errors";
import { isMet, type Objective } from "@/lib/domain/slo/objective";
import type { FeasibilityWarning } from "@/lib/domain/topology/feasibility";
import { getSlaFeasibility } from "../topology/get-sla-feasibility";

export type SloHistoryDto = {
  product: { key: string; name: string; sloStatus: string; atRisk: boolean; degraded: boolean };
  days: number;
  from: Date;
  to: Date;
  canUpdate: boolean;
  objectives: {
    objective: Objective; threshold: number; targetPercent: number; windowDays: number; cadenceMinutes: number;
    status: string; currentValue: number | null; attainment: number | null; budgetRemaining: number | null; burnRate: number | null; lastMeasuredAt: Date | null;
    points: { at: Date; value: number; met: boolean }[];
  }[];
  changes: { at: Date; objective: string | null; fromStatus: string; toStatus: string }[];
  /** Promises the product's HARD upstreams cannot back (issue 8, SLA feasibility). */
  feasibility: FeasibilityWarning[];
};

const MAX_POINTS = 1500;

/** SLO history per objective over the last `days` (points thinned to at most 1,500, keeping every breach). */
export async function getSloHistory(ctx: Ctx, key: string, days: number): Promise<SloHistoryDto> {
  if (ctx.actor.kind === "anonymous") throw new UnauthenticatedError();
  const db = getDb();
  const p = await db.dataProduct.findUnique({ where: { key }, select: { id: true, key: true, name: true, teamId: true, sloStatus: true, atRisk: true, degraded: true } });
  if (!p) throw new NotFoundError(`Data product "${key}"`);
  const from = new Date(ctx.now.getTime() - days * 86_400_000);
  const slos = await db.slo.findMany({ where: { productId: p.id }, orderBy: { objective: "asc" } });
  const [measurements, changes, feasibility] = await Promise.all([
    // By sloId: the (sloId, observedAt) index serves the range.
    db.sloMeasurement.findMany({
      where: { sloId: { in: slos.map((s) => s.id) }, observedAt: { gt: from, lte: ctx.now } },
      select: { sloId: true, observedAt: true, value: true },
      orderBy: { observedAt: "asc" },
    }),
    db.statusChange.findMany({ where: { productId: p.id, at: { gt: from } }, orderBy: { at: "desc" }, take: 50, select: { at: true, objective: true, fromStatus: true, toStatus: true } }),
    getSlaFeasibility(ctx, p.id),
  ]);
  const bySlo = new Map<string, { observedAt: Date; value: number }[]>();
  for (const m of measurements) (bySlo.get(m.sloId) ?? bySlo.set(m.sloId, []).get(m.sloId)!).push(m);
  return {
    product: { key: p.key, name: p.name, sloStatus: p.sloStatus, atRisk: p.atRisk, degraded: p.degraded },
    days,
    from,
    to: ctx.now,
    canUpdate: can(ctx, "slo.update", { teamId: p.teamId }),
    objectives: slos.map((s) => {
      const all = (bySlo.get(s.id) ?? []).map((m) => ({ at: m.observedAt, value: m.value, met: isMet(s.objective, s.threshold, m.value) }));
      const step = Math.ceil(all.length / MAX_POINTS);
      const points = step <= 1 ? all : all.filter((x, i) => i % step === 0 || !x.met || i === all.length - 1);
      return {
        objective: s.objective, threshold: s.threshold, targetPercent: s.targetPercent, windowDays: s.windowDays, cadenceMinutes: s.cadenceMinutes,
        status: s.status, currentValue: s.currentValue, attainment: s.attainment, budgetRemaining: s.budgetRemaining, burnRate: s.burnRate, lastMeasuredAt: s.lastMeasuredAt,
        points,
      };
    }),
    changes,
    feasibility,
  };
}
