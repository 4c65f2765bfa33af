import "server-only";
import { getDb, type Db } from "../../db/client";
import { env } from "../../env";
import { signPayload } from "./sign";
import { unsafeDestination } from "./url-safety";

export const MAX_ATTEMPTS = 8;
/** Retry n (1-based) waits 30 s x 2^(n-1): 30 s, 1 min, 2 min ... about an hour in total. */
export const backoffMs = (attempts: number) => 30_000 * 2 ** Math.max(0, attempts - 1);
const LEASE_MS = 5 * 60_000;

/**
 * The `webhooks.deliver` job: claims due deliveries (FOR UPDATE SKIP LOCKED, so instances never
 * send the same one twice at once), POSTs each signed, and records the outcome with backoff.
 */
export async function deliverDueWebhooks({ now, db = getDb(), allowPrivate = env().TESSERA_TEST_CLOCK, fetchImpl = fetch }: { now: Date; db?: Db; allowPrivate?: boolean; fetchImpl?: typeof fetch }) {
  const lease = new Date(now.getTime() + LEASE_MS);
  const claimed = await db.$queryRaw<{ id: string }[]>`
    update "WebhookDelivery" set "nextAttemptAt" = ${lease}
    where id in (select id from "WebhookDelivery" where status = 'PENDING' and "nextAttemptAt" <= ${now} order by "nextAttemptAt" limit 20 for update skip locked)
    returning id`;
  let sent = 0;
  for (const { id } of claimed) {
    const d = await db.webhookDelivery.findUnique({ where: { id }, select: { id: true, event: true, payload: true, attempts: true, webhook: { select: { url: true, secret: true, active: true } } } });
    if (!d) continue;
    const body = JSON.stringify({ id: d.id, ...(d.payload as object) });
    const timestamp = String(Math.floor(now.getTime() / 1000));
    let status: number | null = null;
    let error: string | null = null;
    const unsafe = d.webhook.active ? await unsafeDestination(d.webhook.url, allowPrivate) : "the webhook is disabled";
    if (unsafe) error = `refused: ${unsafe}`;
    else {
      try {
        const res = await fetchImpl(d.webhook.url, {
          method: "POST",
          redirect: "manual",
          signal: AbortSignal.timeout(10_000),
          headers: { "content-type": "application/json", "user-agent": "Tessera-Webhooks/1", "x-tessera-event": d.event, "x-tessera-delivery": d.id, "x-tessera-timestamp": timestamp, "x-tessera-signature": signPayload(d.webhook.secret, timestamp, body) },
          body,
        });
        status = res.status;
        await res.body?.cancel().catch(() => {});
        if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
      } catch (e) {
        error = (e as Error).name === "TimeoutError" ? "timed out after 10 s" : `could not connect: ${(e as Error).message}`.slice(0, 300);
      }
    }
    const attempts = d.attempts + 1;
    if (!error) sent++;
    await db.webhookDelivery.update({
      where: { id },
      data: error
        ? { attempts, lastStatusCode: status, lastError: error, status: attempts >= MAX_ATTEMPTS || unsafe ? "FAILED" : "PENDING", nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)) }
        : { attempts, lastStatusCode: status, lastError: null, status: "SUCCEEDED", deliveredAt: now },
    });
  }
  return { claimed: claimed.length, sent };
}
