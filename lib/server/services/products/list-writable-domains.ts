import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { teamsWith } from "../../auth/guard";

/** Domains the actor may create products in (their teams' domains; all for admins). */
export async function listWritableDomains(ctx: Ctx) {
  const teams = teamsWith(ctx, "product.create");
  if (teams !== "all" && teams.length === 0) return [];
  return getDb().domain.findMany({
    where: teams === "all" ? {} : { teamId: { in: teams } },
    orderBy: { name: "asc" },
    select: { slug: true, name: true, team: { select: { name: true } } },
  });
}
