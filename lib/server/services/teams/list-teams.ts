import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { UnauthenticatedError } from "../../errors";
import { teamSelect } from "./schemas";

/**
 * The team directory: every team's public profile (name, on-call, channel: shown on product pages
 * anyway), with the actor's own role where they are a member. Members lists are not included.
 */
export async function listTeams(ctx: Ctx) {
  const a = ctx.actor;
  if (a.kind === "anonymous") throw new UnauthenticatedError();
  const teams = await getDb().team.findMany({
    orderBy: { name: "asc" },
    select: { ...teamSelect, _count: { select: { memberships: true, products: true } } },
  });
  const roleOf = (teamId: string) =>
    a.kind === "user" ? (a.memberships.find((m) => m.teamId === teamId)?.role ?? null) : a.kind === "token" && a.teamId === teamId ? "MEMBER" : null;
  return teams.map(({ _count, ...t }) => ({ ...t, memberCount: _count.memberships, productCount: _count.products, myRole: roleOf(t.id) }));
}
