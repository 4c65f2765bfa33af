import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { checkTierDependency, DEFAULT_TIER_RULES, ZTierRuleSettings, type TierRuleSettings } from "./tier-rules";
import { TIERS, type Tier } from "../product-key";

const p = (domain: string, tier: Tier, topic = "facts") => ({ domain, topic, tier });

describe("checkTierDependency with the default rules", () => {
  // [downstream domain, downstream tier, upstream domain, upstream tier, expected rule or "ok"]
  const table: [string, Tier, string, Tier, string][] = [
    ["orders", "GOLD", "customer", "GOLD", "ok"],
    ["orders", "SILVER", "customer", "GOLD", "ok"],
    ["orders", "BRONZE", "customer", "GOLD", "ok"],
    ["orders", "GOLD", "customer", "SILVER", "tier.cross-domain-gold-only"],
    ["orders", "GOLD", "customer", "BRONZE", "tier.cross-domain-gold-only"],
    ["orders", "SILVER", "customer", "SILVER", "tier.cross-domain-gold-only"],
    ["orders", "BRONZE", "customer", "BRONZE", "tier.cross-domain-gold-only"],
    ["orders", "GOLD", "orders", "GOLD", "ok"],
    ["orders", "GOLD", "orders", "SILVER", "ok"],
    ["orders", "GOLD", "orders", "BRONZE", "tier.same-domain-order"],
    ["orders", "SILVER", "orders", "BRONZE", "ok"],
    ["orders", "SILVER", "orders", "SILVER", "ok"],
    ["orders", "SILVER", "orders", "GOLD", "tier.same-domain-order"],
    ["orders", "BRONZE", "orders", "BRONZE", "ok"],
    ["orders", "BRONZE", "orders", "SILVER", "tier.same-domain-order"],
    ["orders", "BRONZE", "orders", "GOLD", "tier.same-domain-order"],
  ];
  it.each(table)("%s %s reads %s %s -> %s", (dd, dt, ud, ut, expected) => {
    const result = checkTierDependency(p(dd, dt), p(ud, ut));
    expect(result.ok ? "ok" : result.rule).toBe(expected);
  });

  it("names both products in the cross-domain message", () => {
    const result = checkTierDependency(p("orders", "GOLD", "order_facts"), p("customer", "SILVER", "customer_profile"));
    expect(result).toEqual({
      ok: false,
      rule: "tier.cross-domain-gold-only",
      message:
        "orders.order_facts.gold (GOLD, domain orders) may not depend on customer.customer_profile.silver (SILVER, domain customer): across domains a product may only depend on GOLD products.",
    });
  });

  it("names both products and the allowed tiers in the same-domain message", () => {
    const result = checkTierDependency(p("orders", "GOLD", "order_facts"), p("orders", "BRONZE", "order_events"));
    expect(result).toEqual({
      ok: false,
      rule: "tier.same-domain-order",
      message:
        "orders.order_facts.gold (GOLD, domain orders) may not depend on orders.order_events.bronze (BRONZE, domain orders): inside a domain GOLD may only read SILVER or GOLD.",
    });
  });
});

describe("configurable settings", () => {
  const relaxed: TierRuleSettings = {
    crossDomainUpstreamTiers: ["SILVER", "GOLD"],
    sameDomainUpstreamTiers: { GOLD: ["SILVER", "GOLD"], SILVER: ["BRONZE", "SILVER", "GOLD"], BRONZE: ["BRONZE"] },
  };
  it("applies custom settings", () => {
    expect(checkTierDependency(p("a", "GOLD"), p("b", "SILVER"), relaxed).ok).toBe(true);
    expect(checkTierDependency(p("a", "SILVER"), p("a", "GOLD"), relaxed).ok).toBe(true);
    expect(checkTierDependency(p("a", "GOLD"), p("b", "SILVER")).ok).toBe(false);
  });

  it("refuses GOLD from BRONZE even when hand-built settings allow it", () => {
    const unsafe: TierRuleSettings = {
      crossDomainUpstreamTiers: ["BRONZE", "SILVER", "GOLD"],
      sameDomainUpstreamTiers: { GOLD: ["BRONZE", "SILVER", "GOLD"], SILVER: ["BRONZE"], BRONZE: ["BRONZE"] },
    };
    expect(checkTierDependency(p("a", "GOLD"), p("a", "BRONZE"), unsafe).ok).toBe(false);
    expect(checkTierDependency(p("a", "GOLD"), p("b", "BRONZE"), unsafe).ok).toBe(false);
    expect(checkTierDependency(p("a", "SILVER"), p("b", "BRONZE"), unsafe).ok).toBe(true);
  });

  it.each([
    [DEFAULT_TIER_RULES, true],
    [{ ...DEFAULT_TIER_RULES, sameDomainUpstreamTiers: { ...DEFAULT_TIER_RULES.sameDomainUpstreamTiers, GOLD: ["BRONZE"] } }, false],
    [{ ...DEFAULT_TIER_RULES, crossDomainUpstreamTiers: ["BRONZE"] }, false],
    [{ ...DEFAULT_TIER_RULES, crossDomainUpstreamTiers: ["PLATINUM"] }, false],
    [{ crossDomainUpstreamTiers: ["GOLD"] }, false],
  ])("ZTierRuleSettings validates %#", (settings, ok) => {
    expect(ZTierRuleSettings.safeParse(settings).success).toBe(ok);
  });
});

describe("laws", () => {
  const tier = fc.constantFrom(...TIERS);
  const domain = fc.constantFrom("orders", "customer", "billing");
  const tierSet = fc.subarray([...TIERS]);
  const settings = fc.record({
    crossDomainUpstreamTiers: tierSet,
    sameDomainUpstreamTiers: fc.record({ BRONZE: tierSet, SILVER: tierSet, GOLD: tierSet }),
  });

  it("GOLD never reads BRONZE, under any settings", () => {
    fc.assert(
      fc.property(domain, domain, settings, (d1, d2, s) => {
        expect(checkTierDependency(p(d1, "GOLD"), p(d2, "BRONZE"), s).ok).toBe(false);
      }),
    );
  });

  it("by default, across domains only GOLD upstreams are allowed", () => {
    fc.assert(
      fc.property(tier, tier, (down, up) => {
        expect(checkTierDependency(p("orders", down), p("customer", up)).ok).toBe(up === "GOLD");
      }),
    );
  });
});
