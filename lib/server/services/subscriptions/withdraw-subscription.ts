import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { notifyTeams } from "../../notify";
import { ConflictError, ValidationError } from "../../errors";
import { ZWithdrawSubscription } from "./schemas";
import { loadSubscription } from "./load-subscription";
import { OPEN_STATUSES, recountSubscribers } from "./shared";

/** The consumer team ends its own subscription (or its pending request). */
export async function withdrawSubscription({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZWithdrawSubscription.safeParse(input);
  if (!parsed.success) throw new ValidationError("The request is not valid.", parsed.error.issues);
  const db = getDb();
  const owner = await loadSubscription(db, parsed.data.id);
  requirePermission(ctx, "subscription.manage", { teamId: owner.consumerTeamId });
  return db.$transaction(async (tx) => {
    const sub = await loadSubscription(tx, parsed.data.id);
    if (sub.consumerTeamId !== owner.consumerTeamId) throw new ConflictError("The subscription changed; reload and try again.");
    if (!(OPEN_STATUSES as readonly string[]).includes(sub.status)) throw new ConflictError(`This subscription is already ${sub.status.toLowerCase()}.`);
    const after = await tx.subscription.update({ where: { id: sub.id }, data: { status: "WITHDRAWN" }, select: { id: true, status: true } });
    await tx.dependency.deleteMany({ where: { subscriptionId: sub.id } });
    await recountSubscribers(tx, sub.product.id);
    await notifyTeams(tx, [sub.product.teamId], {
      kind: "subscription.withdrawn",
      title: `${sub.consumerTeam.name} no longer subscribes to ${sub.product.key}`,
      link: `/products/${sub.product.key}/subscribers`,
      dedupeKey: `subscription.withdrawn:${sub.id}`,
    });
    await writeAudit(tx, ctx, { action: "subscription.withdraw", entityType: "Subscription", entityId: sub.id, teamId: sub.consumerTeamId, productId: sub.product.id, before: { status: sub.status }, after });
    return after;
  });
}
