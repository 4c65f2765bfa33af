import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { ConflictError, ForbiddenError, ValidationError } from "../../errors";
import { ZCreateTeam, teamSelect } from "./schemas";

/** Creates a team; the signed-in creator becomes its first owner. */
export async function createTeam({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZCreateTeam.safeParse(input);
  if (!parsed.success) throw new ValidationError("The team is not valid.", parsed.error.issues);
  requirePermission(ctx, "team.create");
  if (ctx.actor.kind !== "user") throw new ForbiddenError("Only a signed-in person can create a team (it needs a first owner).");
  const userId = ctx.actor.userId;
  return getDb().$transaction(async (tx) => {
    if (await tx.team.findUnique({ where: { slug: parsed.data.slug }, select: { id: true } })) {
      throw new ConflictError(`A team with the slug "${parsed.data.slug}" already exists.`, [{ path: ["slug"], message: "This slug is taken" }]);
    }
    const team = await tx.team.create({
      data: { ...parsed.data, memberships: { create: { userId, role: "OWNER" } } },
      select: teamSelect,
    });
    await writeAudit(tx, ctx, { action: "team.create", entityType: "Team", entityId: team.id, teamId: team.id, after: { ...team, owner: ctx.actor.kind === "user" ? ctx.actor.email : null } });
    return team;
  });
}
