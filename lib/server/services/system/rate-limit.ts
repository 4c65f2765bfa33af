import "server-only";
import { getDb } from "../../db/client";

export interface RateLimitResult {
  ok: boolean;
  count: number;
  limit: number;
  /** Seconds until the window resets (for Retry-After). */
  retryAfter: number;
}

/**
 * Fixed-window counter in PostgreSQL (RateLimitBucket), shared by every app instance: one atomic
 * upsert per hit. A new window starts when the stored one is older than `windowMs`.
 */
export async function hitRateLimit(key: string, limit: number, windowMs: number, now = new Date()): Promise<RateLimitResult> {
  const cutoff = new Date(now.getTime() - windowMs);
  const rows = await getDb().$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key.slice(0, 300)}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= ${cutoff} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${cutoff} THEN ${now} ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count", "windowStart"`;
  const { count, windowStart } = rows[0];
  const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { ok: count <= limit, count, limit, retryAfter };
}

/** The count in the current window, without counting a hit (for limits on failures only). */
export async function peekRateLimit(key: string, windowMs: number, now = new Date()): Promise<{ count: number; retryAfter: number }> {
  const b = await getDb().rateLimitBucket.findUnique({ where: { key: key.slice(0, 300) } });
  if (!b || b.windowStart.getTime() <= now.getTime() - windowMs) return { count: 0, retryAfter: 0 };
  return { count: b.count, retryAfter: Math.max(1, Math.ceil((b.windowStart.getTime() + windowMs - now.getTime()) / 1000)) };
}

/** Clears a counter (after a successful sign-in, so a user's own typos do not lock them out later). */
export async function resetRateLimit(key: string): Promise<void> {
  await getDb().rateLimitBucket.deleteMany({ where: { key } });
}
