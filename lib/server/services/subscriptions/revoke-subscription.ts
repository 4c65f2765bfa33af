import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { notifyTeams } from "../../notify";
import { ConflictError, ValidationError } from "../../errors";
import { ZRevokeSubscription } from "./schemas";
import { loadSubscription } from "./load-subscription";
import { OPEN_STATUSES, recountSubscribers } from "./shared";

/** The product owner ends a subscription, with a reason the consumer team is told. */
export async function revokeSubscription({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZRevokeSubscription.safeParse(input);
  if (!parsed.success) throw new ValidationError("The revocation is not valid.", parsed.error.issues);
  const { id, reason } = parsed.data;
  const db = getDb();
  const owner = await loadSubscription(db, id);
  requirePermission(ctx, "subscription.decide", { teamId: owner.product.teamId });
  return db.$transaction(async (tx) => {
    const sub = await loadSubscription(tx, id);
    if (sub.product.teamId !== owner.product.teamId) throw new ConflictError("The subscription changed; reload and try again.");
    if (!(OPEN_STATUSES as readonly string[]).includes(sub.status)) throw new ConflictError(`This subscription is already ${sub.status.toLowerCase()}.`);
    const after = await tx.subscription.update({
      where: { id },
      data: { status: "REVOKED", decisionReason: reason, decidedAt: ctx.now, decidedById: ctx.actor.kind === "user" ? ctx.actor.userId : null },
      select: { id: true, status: true, decisionReason: true },
    });
    await tx.dependency.deleteMany({ where: { subscriptionId: id } });
    await recountSubscribers(tx, sub.product.id);
    await notifyTeams(tx, [sub.consumerTeamId], {
      kind: "subscription.revoked",
      title: `${sub.product.key} revoked your subscription`,
      body: reason,
      link: `/subscriptions/${id}`,
      dedupeKey: `subscription.revoked:${id}`,
    });
    await writeAudit(tx, ctx, { action: "subscription.revoke", entityType: "Subscription", entityId: id, teamId: sub.consumerTeamId, productId: sub.product.id, before: { status: sub.status }, after });
    return after;
  });
}
