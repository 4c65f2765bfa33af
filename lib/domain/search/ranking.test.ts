import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { BANDS, compareResults, trustScore, type RankInput, type TrustInput } from "./ranking";
import { formatCount, formatTotal, roundEstimate, daysUntil } from "./counts";

const base: TrustInput = { tier: "SILVER", sloStatus: "GREEN", atRisk: false, activeSubscriberCount: 3, lifecycleStatus: "ACTIVE" };
const trustArb = fc.record({
  tier: fc.constantFrom("BRONZE" as const, "SILVER" as const, "GOLD" as const),
  sloStatus: fc.constantFrom("GREEN" as const, "AMBER" as const, "RED" as const, "UNKNOWN" as const),
  atRisk: fc.boolean(),
  activeSubscriberCount: fc.integer({ min: 0, max: 5000 }),
  lifecycleStatus: fc.constantFrom("ACTIVE" as const, "DEPRECATED" as const, "DRAFT" as const, "RETIRED" as const),
});

describe("trust", () => {
  it("prefers gold, healthy, subscribed and active products, everything else equal", () => {
    expect(trustScore({ ...base, tier: "GOLD" })).toBeGreaterThan(trustScore(base));
    expect(trustScore({ ...base, tier: "BRONZE" })).toBeLessThan(trustScore(base));
    expect(trustScore({ ...base, sloStatus: "RED" })).toBeLessThan(trustScore({ ...base, sloStatus: "UNKNOWN" }));
    expect(trustScore({ ...base, sloStatus: "UNKNOWN" })).toBeLessThan(trustScore({ ...base, sloStatus: "AMBER" }));
    expect(trustScore({ ...base, atRisk: true })).toBeLessThan(trustScore(base));
    expect(trustScore({ ...base, lifecycleStatus: "DEPRECATED" })).toBeLessThan(trustScore({ ...base, lifecycleStatus: "DRAFT" }));
    expect(trustScore({ ...base, lifecycleStatus: "RETIRED" })).toBeLessThan(trustScore({ ...base, lifecycleStatus: "DEPRECATED" }));
  });

  it("is monotone in subscribers and always positive", () => {
    fc.assert(
      fc.property(trustArb, fc.integer({ min: 0, max: 1000 }), (p, more) => {
        expect(trustScore(p)).toBeGreaterThan(0);
        expect(trustScore({ ...p, activeSubscriberCount: p.activeSubscriberCount + more })).toBeGreaterThanOrEqual(trustScore(p));
      }),
    );
  });

  it("ranks by lifecycle status first: any active product above any draft, deprecated or retired one", () => {
    const order = ["ACTIVE", "DRAFT", "DEPRECATED", "RETIRED"] as const;
    fc.assert(
      fc.property(trustArb, trustArb, fc.integer({ min: 0, max: 2 }), (a, b, i) => {
        const better = { ...a, activeSubscriberCount: Math.min(a.activeSubscriberCount, 100_000), lifecycleStatus: order[i]! };
        const worse = { ...b, activeSubscriberCount: 100_000, tier: "GOLD" as const, sloStatus: "GREEN" as const, atRisk: false, lifecycleStatus: order[i + 1]! };
        expect(trustScore(worse)).toBeLessThan(trustScore({ ...better, tier: "BRONZE", sloStatus: "RED", atRisk: true, activeSubscriberCount: 0 }));
      }),
    );
  });
});

describe("result order", () => {
  const rankArb = fc.record({
    ...{ key: fc.string({ minLength: 1, maxLength: 6 }), name: fc.string({ maxLength: 6 }) },
    band: fc.constantFrom(BANDS.name, BANDS.context, BANDS.body),
    updatedAt: fc.date({ min: new Date(2020, 0, 1), max: new Date(2030, 0, 1), noInvalidDate: true }),
    tier: fc.constantFrom("BRONZE" as const, "SILVER" as const, "GOLD" as const),
    sloStatus: fc.constantFrom("GREEN" as const, "AMBER" as const, "RED" as const, "UNKNOWN" as const),
    atRisk: fc.boolean(),
    activeSubscriberCount: fc.integer({ min: 0, max: 50 }),
    lifecycleStatus: fc.constantFrom("ACTIVE" as const, "DEPRECATED" as const, "DRAFT" as const),
  }) as fc.Arbitrary<RankInput>;

  it("puts text relevance before trust when there is a query", () => {
    fc.assert(
      fc.property(fc.array(rankArb, { maxLength: 30 }), (rows) => {
        const sorted = [...rows].sort(compareResults("relevance", true));
        for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1]!.band).toBeLessThanOrEqual(sorted[i]!.band);
      }),
    );
  });

  it("a gold healthy name match beats a bronze red one; a body match never beats a name match", () => {
    const gold: RankInput = { ...base, tier: "GOLD", key: "a", name: "A", band: BANDS.name, updatedAt: new Date() };
    const bronze: RankInput = { ...gold, key: "b", tier: "BRONZE", sloStatus: "RED" };
    const body: RankInput = { ...gold, key: "c", band: BANDS.body, activeSubscriberCount: 10_000 };
    expect([body, bronze, gold].sort(compareResults("relevance", true)).map((r) => r.key)).toEqual(["a", "b", "c"]);
    expect([body, bronze, gold].sort(compareResults("subscribers", true)).map((r) => r.key)).toEqual(["c", "a", "b"]);
  });

  it("is a total order (antisymmetric, ties broken by key) for every sort", () => {
    fc.assert(
      fc.property(rankArb, rankArb, fc.constantFrom("relevance" as const, "name" as const, "updated" as const, "subscribers" as const), fc.boolean(), (a, b, sort, q) => {
        const cmp = compareResults(sort, q);
        expect(Math.sign(cmp(a, b))).toBe(-Math.sign(cmp(b, a)));
        if (a.key !== b.key) expect(cmp(a, b)).not.toBe(0);
      }),
    );
  });
});

describe("counts", () => {
  it("rounds estimates to two significant digits", () => {
    expect(roundEstimate(44_480)).toBe(44_000);
    expect(roundEstimate(987)).toBe(990);
    expect(roundEstimate(42)).toBe(42);
  });

  it("formats exact and estimated counts so an estimate never looks exact", () => {
    expect(formatCount({ value: 1234, kind: "exact" })).toBe("1,234");
    expect(formatCount({ value: 44_480, kind: "estimate" })).toBe("about 44,000");
    expect(formatCount({ value: 44_480, kind: "estimate" }, "short")).toBe("≈44,000");
    expect(formatTotal({ value: 1, kind: "exact" })).toBe("1 product");
    expect(formatTotal({ value: 0, kind: "exact" })).toBe("0 products");
  });

  it("counts whole days to a sunset", () => {
    const now = new Date("2026-01-01T12:00:00Z");
    expect(daysUntil(new Date("2026-01-31T12:00:00Z"), now)).toBe(30);
    expect(daysUntil(new Date("2026-01-01T13:00:00Z"), now)).toBe(1);
    expect(daysUntil(new Date("2025-12-31T12:00:00Z"), now)).toBe(-1);
  });
});
