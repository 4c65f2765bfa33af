import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { takeToken, type Bucket } from "./token-bucket";

/** Takes `n` tokens at the given times, returning how many were allowed. */
function run(times: number[], capacity: number, periodMs: number) {
  let b: Bucket | undefined;
  let allowed = 0;
  for (const t of times) {
    const r = takeToken(b, t, capacity, periodMs);
    b = r.bucket;
    if (r.ok) allowed++;
  }
  return { allowed, bucket: b };
}

describe("token bucket", () => {
  it("allows a burst of capacity, then refuses with a Retry-After until a token has refilled", () => {
    const { allowed, bucket } = run(Array(8).fill(0), 5, 60_000);
    expect(allowed).toBe(5);
    const refused = takeToken(bucket, 1_000, 5, 60_000);
    expect(refused).toMatchObject({ ok: false, remaining: 0, retryAfter: 11 });
    expect(takeToken(bucket, 12_000, 5, 60_000)).toMatchObject({ ok: true, remaining: 0 });
    expect(takeToken(bucket, 60_000, 5, 60_000)).toMatchObject({ ok: true, remaining: 4, reset: 12 });
  });

  it("never holds more than its capacity after a long pause", () => {
    const first = takeToken(undefined, 0, 3, 1_000);
    expect(takeToken(first.bucket, 1e9, 3, 1_000).remaining).toBe(2);
  });

  it("never allows more than capacity plus the refill over any span of time", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 20 }), (gaps, capacity) => {
        const times: number[] = [];
        let t = 0;
        for (const g of gaps) times.push((t += g));
        const span = times[times.length - 1] - times[0];
        const { allowed } = run(times, capacity, 10_000);
        expect(allowed).toBeLessThanOrEqual(capacity + Math.floor((span * capacity) / 10_000));
        // A client that waits a full period between requests is never refused.
        expect(run(times.map((_, i) => i * 10_000), capacity, 10_000).allowed).toBe(times.length);
      }),
    );
  });
});
