import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { ZMeasurement, quickMeasurement } from "./schemas";

const valid = { product: "orders.order_facts.gold", objective: "FRESHNESS", value: 12.5, observedAt: "2026-11-21T10:00:00.123Z", idempotencyKey: "run-1" };

describe("quickMeasurement", () => {
  it("takes the common well-formed item as is", () => {
    expect(quickMeasurement(valid)).toEqual(valid);
    expect(quickMeasurement({ ...valid, observedAt: "2026-11-21T10:00:00+02:00" })).not.toBeNull();
  });

  it("leaves everything unusual to the schema", () => {
    for (const odd of [
      null, [], "x", { ...valid, extra: 1 }, { ...valid, value: "1" }, { ...valid, value: Number.NaN }, { ...valid, objective: "SPEED" },
      { ...valid, observedAt: "2026-02-29T10:00:00Z" }, { ...valid, observedAt: "2026-11-21 10:00:00Z" }, { ...valid, observedAt: "2026-11-21T10:00:00" },
      { ...valid, product: "" }, { ...valid, idempotencyKey: "k".repeat(201) }, { product: valid.product, objective: valid.objective, value: 1, observedAt: valid.observedAt },
    ]) expect(quickMeasurement(odd)).toBeNull();
  });

  it("never accepts what ZMeasurement refuses (law), and agrees on the value it returns", () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(2, "0"));
    const year = fc.constantFrom("0000", "1799", "1899", "1900", "1999", "2026", "2028", "2099", "2100", "9999");
    const time = fc.tuple(year, two(13), two(32), two(25), two(61), two(61), fc.constantFrom("", ".5", ".123456789", ".1234567890"), fc.constantFrom("Z", "+02:00", "-23:59", "+24:00", "z", "+0200", ""))
      .map(([y, mo, d, h, mi, s, f, z]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${f}${z}`);
    const near = fc.record({
      product: fc.oneof(fc.string({ maxLength: 3 }), { weight: 4, arbitrary: fc.constant(valid.product) }, fc.constant("p".repeat(201))),
      objective: fc.constantFrom("FRESHNESS", "COMPLETENESS", "LATE_ARRIVAL", "freshness", ""),
      value: fc.oneof(fc.double(), fc.integer(), fc.constant("5")),
      observedAt: fc.oneof({ weight: 4, arbitrary: time }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) }),
      idempotencyKey: fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 5 }) }, fc.constant("k".repeat(201))),
    }, { requiredKeys: ["product", "objective", "value", "observedAt"] });
    let taken = 0;
    fc.assert(
      fc.property(near, (item) => {
        const q = quickMeasurement(item);
        if (q) {
          taken++;
          const z = ZMeasurement.safeParse(item);
          expect(z.success).toBe(true);
          expect(q).toEqual(z.data);
        }
      }),
      { numRuns: 5000 },
    );
    expect(taken).toBeGreaterThan(10); // the generator does reach the fast path
  });
});
