import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { can } from "../../auth/guard";
import { NotFoundError } from "../../errors";
import { computeLanes } from "@/lib/domain/deprecations/timeline";

/** A product's versions, notices (newest first) and timeline lanes; `canPublish` for the owner UI. */
export async function getProductDeprecations(ctx: Ctx, key: string) {
  const product = await getDb().dataProduct.findUnique({
    where: { key },
    select: {
      id: true, key: true, name: true, tier: true, teamId: true, lifecycleStatus: true,
      team: { select: { name: true, slug: true } },
      versions: { orderBy: [{ major: "asc" }, { minor: "asc" }, { patch: "asc" }], select: { version: true, status: true, publishedAt: true, deprecatedAt: true, retiredAt: true } },
      notices: {
        orderBy: { announcedAt: "desc" },
        select: { id: true, targetRange: true, reason: true, announcedAt: true, sunsetAt: true, status: true, replacementRange: true, migrationNotes: true, overrideReason: true, withdrawnAt: true, replacementProduct: { select: { key: true, name: true } } },
      },
    },
  });
  if (!product) throw new NotFoundError(`Data product "${key}"`);
  return { ...product, lanes: computeLanes(product.versions, product.notices), canPublish: can(ctx, "deprecation.publish", { teamId: product.teamId }) };
}
