import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { NotFoundError, PolicyViolation, ValidationError } from "../../errors";
import { findTeamId, lockTeam, ownerCount } from "./load-team";
import { LAST_OWNER_RULE } from "./remove-member";
import { ZChangeRole } from "./schemas";

/** Makes a member an owner or an owner a member (owners); never demotes the last owner. */
export async function changeRole({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZChangeRole.safeParse(input);
  if (!parsed.success) throw new ValidationError("The role change is not valid.", parsed.error.issues);
  const { slug, userId, role } = parsed.data;
  const teamId = await findTeamId(slug);
  requirePermission(ctx, "team.members.manage", { teamId });
  return getDb().$transaction(async (tx) => {
    await lockTeam(tx, teamId);
    const before = await tx.membership.findFirst({ where: { teamId, userId }, select: { role: true, user: { select: { email: true } } } });
    if (!before) throw new NotFoundError("That member");
    if (before.role === role) return { userId, email: before.user.email, role, changed: false };
    if (before.role === "OWNER" && (await ownerCount(tx, teamId)) <= 1) throw new PolicyViolation([LAST_OWNER_RULE]);
    await tx.membership.update({ where: { teamId_userId: { teamId, userId } }, data: { role } });
    await writeAudit(tx, ctx, {
      action: "team.member.role",
      entityType: "Membership",
      entityId: `${teamId}:${userId}`,
      teamId,
      before: { userId, email: before.user.email, role: before.role },
      after: { userId, email: before.user.email, role },
    });
    return { userId, email: before.user.email, role, changed: true };
  });
}
