import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { NotFoundError, ValidationError } from "../../errors";
import { findTeamId } from "./load-team";
import { ZUpdateTeam, teamSelect } from "./schemas";

/** Changes a team's name, description, on-call handle or contact channel (owners). */
export async function updateTeam({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZUpdateTeam.safeParse(input);
  if (!parsed.success) throw new ValidationError("The team change is not valid.", parsed.error.issues);
  const { slug, ...changes } = parsed.data;
  const teamId = await findTeamId(slug);
  requirePermission(ctx, "team.update", { teamId });
  return getDb().$transaction(async (tx) => {
    const before = await tx.team.findFirst({ where: { id: teamId, slug }, select: teamSelect });
    if (!before) throw new NotFoundError(`Team "${slug}"`);
    const after = await tx.team.update({ where: { id: teamId }, data: changes, select: teamSelect });
    await writeAudit(tx, ctx, { action: "team.update", entityType: "Team", entityId: teamId, teamId, before, after });
    return after;
  });
}
