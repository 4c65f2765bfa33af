import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { NotFoundError, ValidationError } from "../../errors";
import { ZSendTestWebhook } from "./schemas";
import { loadTeamBySlug } from "./load-webhook-team";

/** Enqueues a signed test delivery (the `webhooks.deliver` job sends it). */
export async function sendTestWebhook({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZSendTestWebhook.safeParse(input);
  if (!parsed.success) throw new ValidationError("The request is not valid.", parsed.error.issues);
  const db = getDb();
  const team = await loadTeamBySlug(db, parsed.data.team);
  requirePermission(ctx, "webhook.manage", { teamId: team.id });
  return db.$transaction(async (tx) => {
    const hook = await tx.webhook.findFirst({ where: { id: parsed.data.id, teamId: team.id }, select: { id: true } });
    if (!hook) throw new NotFoundError("Webhook");
    const dedupeKey = `webhook.test:${randomUUID()}`;
    const d = await tx.webhookDelivery.create({
      data: { webhookId: hook.id, event: "webhook.test", dedupeKey, payload: { event: "webhook.test", sentFor: dedupeKey, team: team.slug, at: ctx.now.toISOString() }, nextAttemptAt: ctx.now },
      select: { id: true, status: true },
    });
    await writeAudit(tx, ctx, { action: "webhook.test", entityType: "Webhook", entityId: hook.id, teamId: team.id, after: d });
    return d;
  });
}
