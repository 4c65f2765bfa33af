import "server-only";
import { takeToken, type Bucket } from "@/lib/domain/rate-limit/token-bucket";
import type { RateLimitResult } from "./rate-limit";

// API rate limits kept in this process's memory: no database write per request. Each app
// instance counts on its own, so N instances allow up to N times the limit per key (see
// docs/security.md); limits that must hold across instances (sign-in) stay in PostgreSQL.

/** At most this many keys are remembered; the least recently used is forgotten first. */
export const MAX_KEYS = 50_000;

const buckets = new Map<string, Bucket>();

/** Takes one request from `key`'s bucket of `limit` requests per `periodMs`. */
export function hitLocalRateLimit(key: string, limit: number, periodMs: number, now = Date.now()): RateLimitResult & { reset: number } {
  const r = takeToken(buckets.get(key), now, limit, periodMs);
  buckets.delete(key); // re-insert: Map order is then least recently used first
  buckets.set(key, r.bucket);
  if (buckets.size > MAX_KEYS) buckets.delete(buckets.keys().next().value!);
  return { ok: r.ok, count: limit - r.remaining, limit, retryAfter: r.ok ? r.reset : r.retryAfter, reset: r.reset };
}

/** How many keys are held (for tests). */
export function localRateLimitKeys(): number {
  return buckets.size;
}
