import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { NotFoundError, ValidationError } from "../../errors";
import { ZUpdateSlo } from "./schemas";
import { recomputeStatus } from "./recompute-status";

/** Owner adjustment of an objective's target, rolling window and reporting cadence. */
export async function updateSlo({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZUpdateSlo.safeParse(input);
  if (!parsed.success) throw new ValidationError("The SLO change is not valid.", parsed.error.issues);
  const { product: key, objective, ...changes } = parsed.data;
  const db = getDb();
  const owner = await db.dataProduct.findUnique({ where: { key }, select: { id: true, teamId: true } });
  if (!owner) throw new NotFoundError(`Data product "${key}"`);
  requirePermission(ctx, "slo.update", { teamId: owner.teamId });
  const select = { id: true, objective: true, threshold: true, targetPercent: true, windowDays: true, cadenceMinutes: true } as const;
  const after = await db.$transaction(async (tx) => {
    const before = await tx.slo.findFirst({ where: { productId: owner.id, objective, product: { teamId: owner.teamId } }, select });
    if (!before) throw new NotFoundError(`The ${objective} objective of "${key}"`);
    const after = await tx.slo.update({ where: { id: before.id }, data: changes, select });
    await writeAudit(tx, ctx, { action: "slo.update", entityType: "Slo", entityId: before.id, teamId: owner.teamId, productId: owner.id, before, after });
    return after;
  });
  await recomputeStatus({ now: ctx.now, productIds: [owner.id] }).catch((e) => console.error("[tessera] status recompute after SLO change failed:", e));
  return after;
}
