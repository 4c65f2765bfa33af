import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { AppError, ConflictError, ValidationError } from "../../errors";
import { findTeamId, lockTeam } from "./load-team";
import { ZAddMember } from "./schemas";

/** Adds an existing user, found by email, to a team with a role (owners). */
export async function addMember({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZAddMember.safeParse(input);
  if (!parsed.success) throw new ValidationError("The new member is not valid.", parsed.error.issues);
  const { slug, email, role } = parsed.data;
  const teamId = await findTeamId(slug);
  requirePermission(ctx, "team.members.manage", { teamId });
  return getDb().$transaction(async (tx) => {
    await lockTeam(tx, teamId);
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, disabledAt: true } });
    if (!user || user.disabledAt) throw new AppError("not_found", 404, `Nobody with the email ${email} uses Tessera yet: they sign in once, then you can add them.`);
    const existing = await tx.membership.findUnique({ where: { teamId_userId: { teamId, userId: user.id } }, select: { role: true } });
    if (existing) throw new ConflictError(`${email} is already a ${existing.role === "OWNER" ? "owner" : "member"} of this team.`);
    await tx.membership.create({ data: { teamId, userId: user.id, role } });
    const after = { userId: user.id, email: user.email, name: user.name, role };
    await writeAudit(tx, ctx, { action: "team.member.add", entityType: "Membership", entityId: `${teamId}:${user.id}`, teamId, after });
    return after;
  });
}
