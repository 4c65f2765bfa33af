import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { NotFoundError, PolicyViolation, ValidationError } from "../../errors";
import { ZAcknowledgeNotice } from "./schemas";
import { loadNotice } from "./load-notice";
import { affectedSubscriptions } from "./shared";

/** A consumer team records that it has seen a notice, or that it has migrated off it. */
export async function acknowledgeNotice({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZAcknowledgeNotice.safeParse(input);
  if (!parsed.success) throw new ValidationError("The acknowledgement is not valid.", parsed.error.issues);
  const { id, team: slug, state } = parsed.data;
  const db = getDb();
  const team = await db.team.findUnique({ where: { slug }, select: { id: true } });
  if (!team) throw new NotFoundError(`Team "${slug}"`);
  requirePermission(ctx, "deprecation.acknowledge", { teamId: team.id });
  return db.$transaction(async (tx) => {
    const n = await loadNotice(tx, id);
    const ownSubs = await tx.subscription.count({ where: { productId: n.productId, consumerTeamId: team.id, status: { in: ["ACTIVE", "BROKEN", "PENDING"] } } });
    const affected = (await affectedSubscriptions(tx, n.productId, n.targetRange)).some((s) => s.consumerTeamId === team.id);
    if (ownSubs === 0 && !affected) throw new PolicyViolation([{ rule: "deprecation.ack-subscriber", message: "Your team does not subscribe to this product: there is nothing to acknowledge." }]);
    const userId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
    const before = await tx.deprecationAck.findUnique({ where: { noticeId_teamId: { noticeId: id, teamId: team.id } }, select: { state: true } });
    const after = await tx.deprecationAck.upsert({
      where: { noticeId_teamId: { noticeId: id, teamId: team.id } },
      update: { state, userId },
      create: { noticeId: id, teamId: team.id, state, userId },
      select: { noticeId: true, teamId: true, state: true, updatedAt: true },
    });
    await writeAudit(tx, ctx, { action: "deprecation.acknowledge", entityType: "DeprecationAck", entityId: id, teamId: team.id, productId: n.productId, before, after });
    return after;
  });
}
