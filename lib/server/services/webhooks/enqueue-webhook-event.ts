import "server-only";
import type { Tx } from "../../db/client";

/** Enqueues one delivery per active webhook of the teams; (webhookId, dedupeKey) is unique, so repeats add nothing. */
export async function enqueueWebhookEvent(tx: Tx, teamIds: string[], e: { event: string; dedupeKey: string; payload: Record<string, unknown>; now: Date }): Promise<number> {
  const hooks = await tx.webhook.findMany({ where: { teamId: { in: teamIds }, active: true }, select: { id: true, events: true } });
  const family = e.event.split(".")[0]!;
  const targets = hooks.filter((h) => h.events.length === 0 || h.events.includes(e.event) || h.events.includes(`${family}.*`));
  if (targets.length === 0) return 0;
  const r = await tx.webhookDelivery.createMany({
    data: targets.map((h) => ({ webhookId: h.id, event: e.event, dedupeKey: e.dedupeKey, payload: { event: e.event, sentFor: e.dedupeKey, ...e.payload } as object, nextAttemptAt: e.now })),
    skipDuplicates: true,
  });
  return r.count;
}
