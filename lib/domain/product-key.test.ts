import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { productKey, parseProductKey, ZSlug, ZProductKey, TIERS, type Tier } from "./product-key";

const slugArb = fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/);

describe("productKey", () => {
  it.each([
    ["orders", "order_facts", "GOLD", "orders.order_facts.gold"],
    ["customer", "customer_profile", "SILVER", "customer.customer_profile.silver"],
    ["web2", "clicks_v3", "BRONZE", "web2.clicks_v3.bronze"],
  ] as const)("%s / %s / %s -> %s", (domain, topic, tier, expected) => {
    expect(productKey(domain, topic, tier)).toBe(expected);
  });

  it.each([
    ["Orders", "facts"],
    ["orders", "order-facts"],
    ["orders", "order.facts"],
    ["1orders", "facts"],
    ["", "facts"],
  ])("refuses invalid slugs %s / %s", (domain, topic) => {
    expect(() => productKey(domain, topic, "GOLD")).toThrow(/slug/);
  });

  it("round-trips through parseProductKey", () => {
    fc.assert(
      fc.property(slugArb, slugArb, fc.constantFrom(...TIERS), (d, t, tier: Tier) => {
        expect(parseProductKey(productKey(d, t, tier))).toEqual({ ok: true, value: { domain: d, topic: t, tier } });
      }),
    );
  });
});

describe("parseProductKey", () => {
  it.each([
    ["orders.order_facts", /three parts/],
    ["orders.order_facts.gold.x", /three parts/],
    ["Orders.order_facts.gold", /domain "Orders"/],
    ["orders.order-facts.gold", /topic "order-facts"/],
    ["orders.order_facts.GOLD", /tier "GOLD"/],
    ["orders.order_facts.platinum", /tier "platinum"/],
    ["orders..gold", /topic ""/],
  ])("rejects %s", (key, message) => {
    const result = parseProductKey(key);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe("zod schemas", () => {
  it.each([
    ["orders", true],
    ["order_facts2", true],
    ["a".repeat(63), true],
    ["a".repeat(64), false],
    ["_orders", false],
    ["orders ", false],
    ["ordérs", false],
  ])("ZSlug %s -> %s", (slug, ok) => {
    expect(ZSlug.safeParse(slug).success).toBe(ok);
  });

  it("ZProductKey carries the parse message", () => {
    const result = ZProductKey.safeParse("orders.x");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/three parts/);
    expect(ZProductKey.parse("orders.x.gold")).toBe("orders.x.gold");
  });
});
