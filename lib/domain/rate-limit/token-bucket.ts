// A token bucket: `capacity` requests at once, refilled continuously at capacity per `periodMs`.
// Pure: the caller keeps the buckets (in memory, per app instance).

export interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date (ms). */
  at: number;
}

export interface Take {
  ok: boolean;
  bucket: Bucket;
  /** Whole requests left after this one. */
  remaining: number;
  /** Seconds until the next request would be allowed (0 when allowed now). */
  retryAfter: number;
  /** Seconds until the bucket is full again. */
  reset: number;
}

export function takeToken(prev: Bucket | undefined, now: number, capacity: number, periodMs: number): Take {
  const rate = capacity / periodMs;
  const elapsed = prev ? Math.max(0, now - prev.at) : 0;
  const tokens = prev ? Math.min(capacity, prev.tokens + elapsed * rate) : capacity;
  const ok = tokens >= 1;
  const left = ok ? tokens - 1 : tokens;
  return {
    ok,
    bucket: { tokens: left, at: now },
    remaining: Math.floor(left),
    retryAfter: ok ? 0 : Math.max(1, Math.ceil((1 - left) / rate / 1000)),
    reset: Math.ceil((capacity - left) / rate / 1000),
  };
}
