import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { NotFoundError, ValidationError } from "../../errors";
import { recomputeEffectiveStatus } from "../slo/recompute-status";
import { ZRemoveDependency } from "./schemas";

/** Removes a declared dependency (edges from subscriptions end with their subscription). */
export async function removeDependency({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZRemoveDependency.safeParse(input);
  if (!parsed.success) throw new ValidationError("The dependency is not valid.", parsed.error.issues);
  const { product, dependencyId } = parsed.data;
  const db = getDb();
  const owner = await db.dataProduct.findUnique({ where: { key: product }, select: { id: true, teamId: true } });
  if (!owner) throw new NotFoundError(`Data product "${product}"`);
  requirePermission(ctx, "dependency.manage", { teamId: owner.teamId });
  const removed = await db.$transaction(async (tx) => {
    const before = await tx.dependency.findFirst({
      where: { id: dependencyId, downstreamId: owner.id, origin: "DECLARED", downstream: { teamId: owner.teamId } },
      select: { id: true, kind: true, upstreamProductId: true, upstreamSourceId: true, description: true },
    });
    if (!before) throw new NotFoundError(`Declared dependency "${dependencyId}" of ${product}`);
    await tx.dependency.delete({ where: { id: before.id } });
    await writeAudit(tx, ctx, { action: "dependency.remove", entityType: "Dependency", entityId: before.id, teamId: owner.teamId, productId: owner.id, before });
    return { id: before.id };
  });
  await recomputeEffectiveStatus().catch((e) => console.error("[tessera] effective status after a dependency change failed:", e));
  return removed;
}
