import "server-only";
import { z } from "zod";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { ValidationError } from "../../errors";
import { inboxOwner } from "./list-notifications";

const ZMarkRead = z.object({ id: z.string().trim().min(1).max(64).optional(), all: z.union([z.literal("1"), z.literal(true)]).optional() }).refine((v) => v.id || v.all, "Name a notification, or all");

/**
 * Marks one (or all) of the user's own notifications read. Scoped by the user id, so nobody marks
 * another user's inbox; personal read state is not audited (it changes nothing shared).
 */
export async function markRead({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZMarkRead.safeParse(input);
  if (!parsed.success) throw new ValidationError("The request is not valid.", parsed.error.issues);
  const userId = inboxOwner(ctx);
  const r = await getDb().notification.updateMany({ where: { userId, readAt: null, ...(parsed.data.all ? {} : { id: parsed.data.id }) }, data: { readAt: ctx.now } });
  return { updated: r.count };
}
