import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { NotFoundError, PolicyViolation, ValidationError } from "../../errors";
import { findTeamId, lockTeam, ownerCount } from "./load-team";
import { ZMemberRef } from "./schemas";

export const LAST_OWNER_RULE = { rule: "team.last-owner", message: "A team needs at least one owner: make another member an owner first." };

/** Removes a member (owners), or lets any member leave; never the last owner. */
export async function removeMember({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZMemberRef.safeParse(input);
  if (!parsed.success) throw new ValidationError("The member is not valid.", parsed.error.issues);
  const { slug, userId } = parsed.data;
  const teamId = await findTeamId(slug);
  const leaving = ctx.actor.kind === "user" && ctx.actor.userId === userId;
  requirePermission(ctx, leaving ? "team.read" : "team.members.manage", { teamId });
  return getDb().$transaction(async (tx) => {
    await lockTeam(tx, teamId);
    const before = await tx.membership.findFirst({ where: { teamId, userId }, select: { role: true, user: { select: { email: true, name: true } } } });
    if (!before) throw new NotFoundError("That member");
    if (before.role === "OWNER" && (await ownerCount(tx, teamId)) <= 1) throw new PolicyViolation([LAST_OWNER_RULE]);
    await tx.membership.delete({ where: { teamId_userId: { teamId, userId } } });
    const snapshot = { userId, email: before.user.email, name: before.user.name, role: before.role };
    await writeAudit(tx, ctx, { action: leaving ? "team.member.leave" : "team.member.remove", entityType: "Membership", entityId: `${teamId}:${userId}`, teamId, before: snapshot });
    return snapshot;
  });
}
