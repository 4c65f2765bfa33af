import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { can } from "../../auth/guard";
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "../../errors";
import { earliestSunset } from "@/lib/domain/deprecations/sunset-rule";
import { getPlatformSettings } from "../settings/get-platform-settings";
import { ZPreviewImpact } from "./schemas";
import { affectedSubscriptions, covers, downstreamProducts } from "./shared";

/** Before publishing: who a notice on this target would affect, and the earliest sunset allowed. */
export async function previewImpact({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZPreviewImpact.safeParse(input);
  if (!parsed.success) throw new ValidationError("The target is not valid.", parsed.error.issues);
  const { productKey } = parsed.data;
  const target = parsed.data.targetRange ?? null;
  const db = getDb();
  const product = await db.dataProduct.findUnique({ where: { key: productKey }, select: { id: true, key: true, name: true, teamId: true, versions: { select: { version: true, status: true }, orderBy: [{ major: "asc" }, { minor: "asc" }, { patch: "asc" }] } } });
  if (!product) throw new NotFoundError(`Data product "${productKey}"`);
  // A read for the owners only: the same permission as publishing, checked without writing.
  if (ctx.actor.kind === "anonymous") throw new UnauthenticatedError();
  if (!can(ctx, "deprecation.publish", { teamId: product.teamId })) throw new ForbiddenError("Only the owners of the product can preview a deprecation.");
  const [subscriptions, downstream, settings] = await Promise.all([affectedSubscriptions(db, product.id, target), downstreamProducts(db, product.id), getPlatformSettings()]);
  const active = subscriptions.filter((s) => s.status === "ACTIVE").length;
  const consumingKeys = new Set(subscriptions.map((s) => s.consumingProductKey).filter(Boolean));
  return {
    product: { key: product.key, name: product.name },
    targetRange: target,
    versions: product.versions.filter((v) => v.status !== "RETIRED" && (target === null || covers({ targetRange: target }, v.version))).map((v) => v.version),
    subscriptions,
    // Downstream products: those consuming through an affected subscription, then declared edges.
    downstream: target === null ? downstream : downstream.filter((d) => consumingKeys.has(d.key)),
    minDays: settings.deprecationMinDays,
    earliestSunset: earliestSunset(ctx.now, settings.deprecationMinDays, active),
  };
}
