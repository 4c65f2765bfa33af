import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { teamsWith } from "../../auth/guard";

/** Subscriptions of the teams the actor belongs to (team-private: scoped by membership). */
export async function listMySubscriptions(ctx: Ctx) {
  const teams = teamsWith(ctx, "team.read");
  const mine = ctx.actor.kind === "user" ? ctx.actor.memberships.map((m) => m.teamId) : teams === "all" ? [] : teams;
  if (mine.length === 0) return [];
  return getDb().subscription.findMany({
    where: { consumerTeamId: { in: mine }, status: { in: ["ACTIVE", "PENDING", "BROKEN"] } },
    orderBy: [{ consumerTeam: { name: "asc" } }, { createdAt: "asc" }],
    select: {
      id: true,
      pinRange: true,
      purpose: true,
      status: true,
      createdAt: true,
      consumerTeam: { select: { slug: true, name: true } },
      consumingProduct: { select: { key: true } },
      resolvedVersion: { select: { version: true, status: true } },
      product: {
        select: {
          key: true,
          name: true,
          tier: true,
          currentVersion: { select: { version: true } },
          notices: { where: { status: "ACTIVE" }, select: { targetRange: true, sunsetAt: true } },
        },
      },
    },
  });
}
