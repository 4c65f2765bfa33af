import "server-only";
import { getDb } from "../../db/client";
import { evaluateSummary, type SloStatus } from "@/lib/domain/slo/status";
import type { Objective } from "@/lib/domain/slo/objective";
import { effectiveStatuses, worstStatus, type KindedEdge } from "@/lib/domain/topology/effective-status";

type SummaryRow = {
  id: string; productId: string; objective: Objective; threshold: number; targetPercent: number; windowDays: number; cadenceMinutes: number;
  latestValue: number | null; latestAt: Date | null; n: number; met: number; rn: number; rmiss: number;
};
export type RecomputeResult = { slos: number; products: number; changes: number; effectiveUpdated: number };
const CHUNK = 500;

/**
 * Re-evaluates SLO status as of `now` (lib/domain/slo/status) from per-SLO aggregates computed in
 * SQL, writes Slo and DataProduct status set-based, records StatusChange rows for real transitions
 * (rows are locked first, so concurrent runs record each change once), then effective status (at risk,
 * degraded) over the edge list: always for the whole catalog (the minute job), or when a product
 * enters or leaves RED (the queue drain after ingestion).
 */
export async function recomputeStatus({ now, productIds }: { now: Date; productIds?: string[] }): Promise<RecomputeResult> {
  const db = getDb();
  const ids = productIds ?? (await db.dataProduct.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);
  const nowText = now.toISOString();
  const result: RecomputeResult = { slos: 0, products: 0, changes: 0, effectiveUpdated: 0 };
  let redChanged = false;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await db.$queryRaw<SummaryRow[]>`
      SELECT s.id, s."productId", s.objective::text AS objective, s.threshold, s."targetPercent", s."windowDays", s."cadenceMinutes",
             l.value AS "latestValue", l."observedAt" AS "latestAt", a.n, a.met, a.rn, a.rmiss
      FROM "Slo" s
      LEFT JOIN LATERAL (SELECT m.value, m."observedAt" FROM "SloMeasurement" m
                         WHERE m."sloId" = s.id AND m."observedAt" <= ${nowText}::timestamp(3) ORDER BY m."observedAt" DESC LIMIT 1) l ON true
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS n,
               count(*) FILTER (WHERE x.ok)::int AS met,
               count(*) FILTER (WHERE x.recent)::int AS rn,
               count(*) FILTER (WHERE x.recent AND NOT x.ok)::int AS rmiss
        FROM (SELECT CASE WHEN s.objective IN ('FRESHNESS', 'LATE_ARRIVAL') THEN m.value <= s.threshold ELSE m.value >= s.threshold END AS ok,
                     m."observedAt" > ${nowText}::timestamp(3) - least(1440, s."windowDays" * 1440) * interval '1 minute' AS recent
              FROM "SloMeasurement" m
              WHERE m."sloId" = s.id AND m."observedAt" <= ${nowText}::timestamp(3)
                AND m."observedAt" > ${nowText}::timestamp(3) - s."windowDays" * interval '1 day') x) a
      WHERE s."productId" = ANY(${chunk}::text[])`;
    const evals = rows.map((r) => ({
      row: r,
      e: evaluateSummary({
        slo: r,
        summary: { latest: r.latestAt ? { value: r.latestValue!, observedAt: r.latestAt } : null, sampleCount: r.n, metCount: r.met, recentCount: r.rn, recentMisses: r.rmiss },
        now,
      }),
    }));
    const byProduct = new Map<string, SloStatus[]>(chunk.map((id) => [id, []]));
    for (const { row, e } of evals) byProduct.get(row.productId)!.push(e.status);
    const pids = [...byProduct.keys()];
    const pstatus = pids.map((id) => worstStatus(byProduct.get(id)!));
    const sloIds = evals.map((x) => x.row.id);
    const [sloChanges, productChanges] = await db.$transaction(async (tx) => {
      // Lock first and read the old status (a concurrent run waits, then sees our result). NO KEY
      // UPDATE: it never blocks a KEY SHARE lock (other tables' foreign keys to Slo).
      const oldSlo = new Map((await tx.$queryRaw<{ id: string; status: string }[]>`
        SELECT id, status::text AS status FROM "Slo" WHERE id = ANY(${sloIds}::text[]) ORDER BY id FOR NO KEY UPDATE`).map((r) => [r.id, r.status]));
      if (evals.length > 0) await tx.$executeRaw`
        UPDATE "Slo" s SET status = u.status::"SloStatus", "currentValue" = u.cur, attainment = u.att, "budgetRemaining" = u.budget,
               "burnRate" = u.burn, "lastMeasuredAt" = u.last, "statusComputedAt" = ${nowText}::timestamp(3)
        FROM unnest(${sloIds}::text[], ${evals.map((x) => x.e.status)}::text[],
                    ${evals.map((x) => x.e.currentValue)}::float8[], ${evals.map((x) => x.e.attainment)}::float8[],
                    ${evals.map((x) => x.e.budgetRemaining)}::float8[], ${evals.map((x) => x.e.burnRate)}::float8[],
                    ${evals.map((x) => x.e.lastMeasuredAt?.toISOString() ?? null)}::timestamp(3)[]) AS u(id, status, cur, att, budget, burn, last)
        WHERE s.id = u.id`;
      const sloChanges = evals.filter((x) => oldSlo.has(x.row.id) && oldSlo.get(x.row.id) !== x.e.status)
        .map((x) => ({ productId: x.row.productId, objective: x.row.objective as string | null, from: oldSlo.get(x.row.id)!, to: x.e.status as string }));
      const oldProduct = new Map((await tx.$queryRaw<{ id: string; status: string }[]>`
        SELECT id, "sloStatus"::text AS status FROM "DataProduct" WHERE id = ANY(${pids}::text[]) ORDER BY id FOR NO KEY UPDATE`).map((r) => [r.id, r.status]));
      await tx.$executeRaw`
        UPDATE "DataProduct" p SET "sloStatus" = u.status::"SloStatus", "statusComputedAt" = ${nowText}::timestamp(3)
        FROM unnest(${pids}::text[], ${pstatus}::text[]) AS u(id, status) WHERE p.id = u.id`;
      const productChanges = pids.flatMap((id, k) => (oldProduct.has(id) && oldProduct.get(id) !== pstatus[k] ? [{ productId: id, objective: null, from: oldProduct.get(id)!, to: pstatus[k]! as string }] : []));
      const all = [...sloChanges, ...productChanges];
      if (all.length > 0) await tx.$executeRaw`
        INSERT INTO "StatusChange" ("productId", objective, "fromStatus", "toStatus", at)
        SELECT c.pid, c.obj::"Objective", c.f::"SloStatus", c.t::"SloStatus", ${nowText}::timestamp(3)
        FROM unnest(${all.map((c) => c.productId)}::text[], ${all.map((c) => c.objective)}::text[], ${all.map((c) => c.from)}::text[], ${all.map((c) => c.to)}::text[]) AS c(pid, obj, f, t)`;
      return [sloChanges.length, productChanges] as const;
    });
    result.slos += evals.length;
    result.products += pids.length;
    result.changes += sloChanges + productChanges.length;
    if (productChanges.some((c) => c.from === "RED" || c.to === "RED")) redChanged = true;
  }
  if (!productIds || redChanged) result.effectiveUpdated = await recomputeEffectiveStatus();
  return result;
}

/** At risk / degraded for the whole catalog from the edge list; writes only rows that differ. */
export async function recomputeEffectiveStatus(): Promise<number> {
  const db = getDb();
  const [products, edges] = await Promise.all([
    db.$queryRaw<{ id: string; s: SloStatus; atRisk: boolean; degraded: boolean }[]>`SELECT id, "sloStatus"::text AS s, "atRisk", degraded FROM "DataProduct"`,
    db.$queryRaw<KindedEdge[]>`SELECT "downstreamId" AS downstream, "upstreamProductId" AS upstream, kind::text AS kind FROM "Dependency" WHERE "upstreamProductId" IS NOT NULL AND kind IN ('HARD', 'SOFT')`,
  ]);
  const effective = effectiveStatuses(new Map(products.map((p) => [p.id, p.s])), edges);
  const diff = products.filter((p) => {
    const e = effective.get(p.id)!;
    return e.atRisk !== p.atRisk || e.degraded !== p.degraded;
  });
  if (diff.length === 0) return 0;
  return db.$executeRaw`
    UPDATE "DataProduct" p SET "atRisk" = u.r, degraded = u.d
    FROM unnest(${diff.map((p) => p.id)}::text[], ${diff.map((p) => effective.get(p.id)!.atRisk)}::boolean[], ${diff.map((p) => effective.get(p.id)!.degraded)}::boolean[]) AS u(id, r, d)
    WHERE p.id = u.id`;
}
