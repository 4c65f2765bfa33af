import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { NotFoundError, ValidationError } from "../../errors";
import { ZUpdateProduct } from "./schemas";

/** Edits a product's descriptive attributes (owner team only). */
export async function updateProduct({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZUpdateProduct.safeParse(input);
  if (!parsed.success) throw new ValidationError("The product change is not valid.", parsed.error.issues);
  const { key, ...changes } = parsed.data;
  const db = getDb();
  const owner = await db.dataProduct.findUnique({ where: { key }, select: { teamId: true } });
  if (!owner) throw new NotFoundError(`Data product "${key}"`);
  requirePermission(ctx, "product.update", { teamId: owner.teamId });
  return db.$transaction(async (tx) => {
    const before = await tx.dataProduct.findFirst({
      where: { key, teamId: owner.teamId },
      select: { id: true, name: true, description: true, tags: true, reliabilityClass: true, requiresApproval: true },
    });
    if (!before) throw new NotFoundError(`Data product "${key}"`);
    const after = await tx.dataProduct.update({
      where: { id: before.id },
      data: changes,
      select: { id: true, key: true, name: true, description: true, tags: true, reliabilityClass: true, requiresApproval: true },
    });
    await writeAudit(tx, ctx, { action: "product.update", entityType: "DataProduct", entityId: before.id, teamId: owner.teamId, productId: before.id, before, after });
    return after;
  });
}
