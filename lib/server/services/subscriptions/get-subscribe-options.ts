import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { teamsWith } from "../../auth/guard";
import { NotFoundError } from "../../errors";
import { defaultPin } from "@/lib/domain/versions/pin";

/** What the subscribe form offers: the teams the actor may subscribe for, and their products. */
export async function getSubscribeOptions(ctx: Ctx, key: string) {
  const db = getDb();
  const product = await db.dataProduct.findUnique({
    where: { key },
    select: { id: true, key: true, name: true, tier: true, teamId: true, requiresApproval: true, lifecycleStatus: true, domain: { select: { slug: true, teamId: true } }, team: { select: { name: true } }, currentVersion: { select: { version: true } } },
  });
  if (!product) throw new NotFoundError(`Data product "${key}"`);
  const allowed = teamsWith(ctx, "subscription.manage");
  const own = ctx.actor.kind === "user" ? ctx.actor.memberships.map((m) => m.teamId) : [];
  const ids = allowed === "all" ? own : allowed;
  const teams = await db.team.findMany({
    where: { id: { in: ids } },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, products: { where: { lifecycleStatus: { not: "RETIRED" }, id: { not: product.id } }, select: { key: true, name: true }, orderBy: { key: "asc" } } },
  });
  return {
    product: { ...product, defaultPin: product.currentVersion ? defaultPin(product.currentVersion.version) : null },
    teams: teams.map((t) => ({ slug: t.slug, name: t.name, needsApproval: product.requiresApproval && t.id !== product.teamId, outsideInterface: product.tier !== "GOLD" && product.domain.teamId !== t.id, products: t.products })),
  };
}
