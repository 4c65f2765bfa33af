import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { UnauthenticatedError } from "../../errors";

const userId = (ctx: Ctx) => {
  if (ctx.actor.kind !== "user") throw new UnauthenticatedError("The inbox belongs to a signed-in user.");
  return ctx.actor.userId;
};

/** The signed-in user's notifications, newest first. */
export async function listNotifications(ctx: Ctx, opts: { unreadOnly?: boolean; take?: number } = {}) {
  return getDb().notification.findMany({
    where: { userId: userId(ctx), ...(opts.unreadOnly ? { readAt: null } : {}) },
    orderBy: { createdAt: "desc" },
    take: opts.take ?? 100,
    select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true },
  });
}

/** Unread count for the header badge (0 for anything but a user). */
export async function countUnread(ctx: Ctx): Promise<number> {
  if (ctx.actor.kind !== "user") return 0;
  return getDb().notification.count({ where: { userId: ctx.actor.userId, readAt: null } });
}

export { userId as inboxOwner };
