import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { notifyTeams } from "../../notify";
import { ConflictError, ValidationError } from "../../errors";
import { ZDecideSubscription } from "./schemas";
import { loadSubscription } from "./load-subscription";
import { recountSubscribers, resolveOrRefuse } from "./shared";

/** The product owner approves or rejects (with a reason) a pending subscription. */
export async function decideSubscription({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZDecideSubscription.safeParse(input);
  if (!parsed.success) throw new ValidationError("The decision is not valid.", parsed.error.issues);
  const { id, decision, reason } = parsed.data;
  const db = getDb();
  const owner = await loadSubscription(db, id);
  requirePermission(ctx, "subscription.decide", { teamId: owner.product.teamId });
  return db.$transaction(async (tx) => {
    const sub = await loadSubscription(tx, id);
    if (sub.product.teamId !== owner.product.teamId) throw new ConflictError("The subscription changed; reload and try again.");
    if (sub.status !== "PENDING") throw new ConflictError(`This subscription is ${sub.status.toLowerCase()}, not pending: it was decided already.`);
    const approve = decision === "approve";
    const resolved = approve ? await resolveOrRefuse(tx, sub.product, sub.pinRange) : null;
    const after = await tx.subscription.update({
      where: { id },
      data: {
        status: approve ? "ACTIVE" : "REJECTED",
        decisionReason: reason ?? null,
        decidedAt: ctx.now,
        decidedById: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        ...(resolved ? { resolvedVersionId: resolved.id } : {}),
      },
      select: { id: true, status: true, decisionReason: true, decidedAt: true },
    });
    if (approve && sub.consumingProductId) {
      await tx.dependency.upsert({
        where: { subscriptionId: id },
        update: {},
        create: { downstreamId: sub.consumingProductId, upstreamProductId: sub.product.id, kind: sub.dependencyKind, origin: "SUBSCRIPTION", subscriptionId: id },
      });
    }
    await recountSubscribers(tx, sub.product.id);
    await notifyTeams(tx, [sub.consumerTeamId], {
      kind: approve ? "subscription.approved" : "subscription.rejected",
      title: approve ? `Your subscription to ${sub.product.key} was approved` : `Your subscription to ${sub.product.key} was rejected`,
      body: reason ?? "",
      link: `/subscriptions/${id}`,
      dedupeKey: `subscription.decided:${id}`,
    });
    await writeAudit(tx, ctx, { action: `subscription.${decision}`, entityType: "Subscription", entityId: id, teamId: sub.consumerTeamId, productId: sub.product.id, before: { status: sub.status }, after });
    return after;
  });
}
