import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { ConflictError, NotFoundError, ValidationError } from "../../errors";
import { productKey } from "@/lib/domain/product-key";
import { getPlatformSettings } from "../settings/get-platform-settings";
import { ZCreateProduct } from "./schemas";

/**
 * Creates a data product (domain.topic.tier) owned by the domain's team, in DRAFT until its first
 * contract is published.
 */
export async function createProduct({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZCreateProduct.safeParse(input);
  if (!parsed.success) throw new ValidationError("The product is not valid.", parsed.error.issues);
  const d = parsed.data;
  const db = getDb();
  const domain = await db.domain.findUnique({ where: { slug: d.domain }, select: { id: true, teamId: true } });
  if (!domain) throw new NotFoundError(`Domain "${d.domain}"`);
  requirePermission(ctx, "product.create", { teamId: domain.teamId });
  const key = productKey(d.domain, d.topic, d.tier);
  return db.$transaction(async (tx) => {
    if (await tx.dataProduct.findUnique({ where: { key }, select: { id: true } })) throw new ConflictError(`${key} exists already.`);
    const settings = await getPlatformSettings(tx);
    const product = await tx.dataProduct.create({
      data: {
        key,
        domainId: domain.id,
        teamId: domain.teamId,
        topic: d.topic,
        tier: d.tier,
        name: d.name,
        description: d.description,
        reliabilityClass: d.reliabilityClass,
        tags: d.tags,
        requiresApproval: d.requiresApproval ?? settings.approvalDefaultByTier[d.tier],
        lifecycleStatus: "DRAFT",
        outputPorts: { create: d.outputPorts },
      },
      select: { id: true, key: true, name: true, tier: true, topic: true, reliabilityClass: true, requiresApproval: true, lifecycleStatus: true, tags: true },
    });
    await writeAudit(tx, ctx, { action: "product.create", entityType: "DataProduct", entityId: product.id, teamId: domain.teamId, productId: product.id, after: { ...product, outputPorts: d.outputPorts } });
    return product;
  });
}
