import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { UnauthenticatedError } from "../../errors";
import { checkSlaFeasibility, promiseOf, type FeasibilityWarning } from "@/lib/domain/topology/feasibility";

type Row = { productId: string; key: string; objective: string; threshold: number };

/**
 * SLA feasibility of one product against its direct HARD upstream products (lib/domain/topology/
 * feasibility): promising fresher data, or more completeness, than an upstream promises. One query.
 */
export async function getSlaFeasibility(ctx: Ctx, productId: string): Promise<FeasibilityWarning[]> {
  if (ctx.actor.kind === "anonymous") throw new UnauthenticatedError();
  const rows = await getDb().$queryRaw<Row[]>`
    SELECT p.id AS "productId", p.key, s.objective::text AS objective, s.threshold
    FROM "DataProduct" p JOIN "Slo" s ON s."productId" = p.id AND s.objective IN ('FRESHNESS', 'COMPLETENESS')
    WHERE p.id = ${productId}
       OR p.id IN (SELECT "upstreamProductId" FROM "Dependency" WHERE "downstreamId" = ${productId} AND kind = 'HARD' AND "upstreamProductId" IS NOT NULL)`;
  const promise = (id: string) => promiseOf(rows.filter((r) => r.productId === id));
  const upstreams = [...new Map(rows.filter((r) => r.productId !== productId).map((r) => [r.productId, r.key])).entries()]
    .sort((a, b) => (a[1] < b[1] ? -1 : 1))
    .map(([id, key]) => ({ key, ...promise(id) }));
  return checkSlaFeasibility(promise(productId), upstreams);
}
