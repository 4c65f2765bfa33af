import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { can } from "../../auth/guard";
import { NotFoundError, UnauthenticatedError } from "../../errors";
import { ZTeamSlug, teamSelect } from "./schemas";

/**
 * A team's page: the public profile for everyone signed in; members only for those with
 * `team.read` (members, owners, admins, the team's READ tokens); what the actor may change.
 */
export async function getTeam({ ctx, slug }: { ctx: Ctx; slug: unknown }) {
  if (ctx.actor.kind === "anonymous") throw new UnauthenticatedError();
  const s = ZTeamSlug.safeParse(slug);
  if (!s.success) throw new NotFoundError("Team");
  const team = await getDb().team.findUnique({ where: { slug: s.data }, select: { ...teamSelect, _count: { select: { products: true } } } });
  if (!team) throw new NotFoundError(`Team "${s.data}"`);
  const target = { teamId: team.id };
  const canRead = can(ctx, "team.read", target);
  const members = canRead
    ? await getDb().membership.findMany({
        where: { teamId: team.id },
        orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
        select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
      })
    : null;
  const { _count, ...profile } = team;
  return {
    ...profile,
    productCount: _count.products,
    members: members?.map((m) => ({ userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role, since: m.createdAt })) ?? null,
    myRole: ctx.actor.kind === "user" ? (ctx.actor.memberships.find((m) => m.teamId === team.id)?.role ?? null) : null,
    can: {
      read: canRead,
      update: can(ctx, "team.update", target),
      manageMembers: can(ctx, "team.members.manage", target),
      manageTokens: can(ctx, "token.manage", target),
      readAudit: can(ctx, "audit.read", target),
    },
  };
}
export type TeamPage = Awaited<ReturnType<typeof getTeam>>;
