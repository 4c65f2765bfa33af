import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { ConflictError, ValidationError } from "../../errors";
import { deprecationCovers } from "@/lib/domain/versions/subscription-state";
import { ZUpdateSubscription } from "./schemas";
import { loadSubscription } from "./load-subscription";
import { OPEN_STATUSES, parsePinOrThrow, recountSubscribers, resolveOrRefuse } from "./shared";

/**
 * The consumer team moves its pin (e.g. to the new major) or rewrites its purpose. Moving out of a
 * deprecated range records the team as migrated on that notice.
 */
export async function updateSubscription({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZUpdateSubscription.safeParse(input);
  if (!parsed.success) throw new ValidationError("The change is not valid.", parsed.error.issues);
  const { id, purpose } = parsed.data;
  const pin = parsed.data.pinRange === undefined ? undefined : parsePinOrThrow(parsed.data.pinRange);
  const db = getDb();
  const owner = await loadSubscription(db, id);
  requirePermission(ctx, "subscription.manage", { teamId: owner.consumerTeamId });
  return db.$transaction(async (tx) => {
    const sub = await loadSubscription(tx, id);
    if (sub.consumerTeamId !== owner.consumerTeamId) throw new ConflictError("The subscription changed; reload and try again.");
    if (!(OPEN_STATUSES as readonly string[]).includes(sub.status)) throw new ConflictError(`This subscription is ${sub.status.toLowerCase()}: subscribe again instead.`);
    const before = { pinRange: sub.pinRange, purpose: sub.purpose, status: sub.status, resolvedVersionId: sub.resolvedVersionId };
    const data: { pinRange?: string; purpose?: string; resolvedVersionId?: string; status?: "ACTIVE" } = {};
    if (purpose !== undefined) data.purpose = purpose;
    let migrated: string[] = [];
    if (pin !== undefined && pin !== sub.pinRange) {
      const resolved = await resolveOrRefuse(tx, sub.product, pin);
      data.pinRange = pin;
      data.resolvedVersionId = resolved.id;
      if (sub.status === "BROKEN") data.status = "ACTIVE";
      const old = sub.resolvedVersionId ? await tx.contractVersion.findUnique({ where: { id: sub.resolvedVersionId }, select: { version: true } }) : null;
      const notices = await tx.deprecationNotice.findMany({ where: { productId: sub.product.id, status: "ACTIVE" }, select: { id: true, targetRange: true, sunsetAt: true, status: true } });
      migrated = notices.filter((n) => n.targetRange !== null && (!old || deprecationCovers(n, old.version)) && !deprecationCovers(n, resolved.version)).map((n) => n.id);
      for (const noticeId of migrated) {
        await tx.deprecationAck.upsert({
          where: { noticeId_teamId: { noticeId, teamId: sub.consumerTeamId } },
          update: { state: "MIGRATED", userId: ctx.actor.kind === "user" ? ctx.actor.userId : null },
          create: { noticeId, teamId: sub.consumerTeamId, state: "MIGRATED", userId: ctx.actor.kind === "user" ? ctx.actor.userId : null },
        });
      }
    }
    const after = await tx.subscription.update({ where: { id }, data, select: { id: true, pinRange: true, purpose: true, status: true, resolvedVersion: { select: { version: true } } } });
    if (data.status) await recountSubscribers(tx, sub.product.id);
    await writeAudit(tx, ctx, { action: pin !== undefined ? "subscription.move-pin" : "subscription.update", entityType: "Subscription", entityId: id, teamId: sub.consumerTeamId, productId: sub.product.id, before, after: { ...after, migratedNotices: migrated } });
    return { ...after, migratedNotices: migrated };
  });
}
