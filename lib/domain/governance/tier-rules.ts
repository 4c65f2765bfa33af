// Which product may depend on which, by domain and tier. Rules are data (platform settings);
// DEFAULT_TIER_RULES is the documented default. GOLD never reads BRONZE, whatever the settings say.
import { z } from "zod";
import { TIERS, ZTier, productKey, type Tier } from "../product-key";

export type TierRuleSettings = {
  /** Tiers a product may depend on in another domain (any downstream tier). */
  crossDomainUpstreamTiers: readonly Tier[];
  /** Inside one domain: downstream tier -> the upstream tiers it may read. */
  sameDomainUpstreamTiers: Readonly<Record<Tier, readonly Tier[]>>;
};

export const DEFAULT_TIER_RULES: TierRuleSettings = {
  crossDomainUpstreamTiers: ["GOLD"],
  sameDomainUpstreamTiers: {
    GOLD: ["SILVER", "GOLD"],
    SILVER: ["BRONZE", "SILVER"],
    BRONZE: ["BRONZE"],
  },
};

const ZTierList = z.array(ZTier).transform((tiers) => TIERS.filter((t) => tiers.includes(t)));

/** Parses settings stored as JSON; refuses any setting that would let GOLD read BRONZE. */
export const ZTierRuleSettings = z
  .strictObject({
    crossDomainUpstreamTiers: ZTierList,
    sameDomainUpstreamTiers: z.strictObject({ BRONZE: ZTierList, SILVER: ZTierList, GOLD: ZTierList }),
  })
  .superRefine((settings, ctx) => {
    if (settings.sameDomainUpstreamTiers.GOLD.includes("BRONZE")) {
      ctx.addIssue({ code: "custom", path: ["sameDomainUpstreamTiers", "GOLD"], message: "GOLD may never read BRONZE" });
    }
    if (settings.crossDomainUpstreamTiers.includes("BRONZE")) {
      ctx.addIssue({ code: "custom", path: ["crossDomainUpstreamTiers"], message: "GOLD may never read BRONZE (a cross-domain BRONZE upstream would allow it)" });
    }
  });

export type TierRuleId = "tier.cross-domain-gold-only" | "tier.same-domain-order";
export type TierRuleResult = { ok: true } | { ok: false; rule: TierRuleId; message: string };
export type ProductRef = { domain: string; topic: string; tier: Tier };

function label(p: ProductRef): string {
  return `${productKey(p.domain, p.topic, p.tier)} (${p.tier}, domain ${p.domain})`;
}

function tierList(tiers: readonly Tier[]): string {
  if (tiers.length === 0) return "nothing";
  return tiers.length === 1 ? tiers[0]! : `${tiers.slice(0, -1).join(", ")} or ${tiers[tiers.length - 1]}`;
}

/** May `downstream` depend on (read from) `upstream`? */
export function checkTierDependency(
  downstream: ProductRef,
  upstream: ProductRef,
  settings: TierRuleSettings = DEFAULT_TIER_RULES,
): TierRuleResult {
  const goldFromBronze = downstream.tier === "GOLD" && upstream.tier === "BRONZE";
  const head = `${label(downstream)} may not depend on ${label(upstream)}`;
  if (downstream.domain !== upstream.domain) {
    const allowed = settings.crossDomainUpstreamTiers;
    if (goldFromBronze || !allowed.includes(upstream.tier)) {
      return {
        ok: false,
        rule: "tier.cross-domain-gold-only",
        message: `${head}: across domains a product may only depend on ${tierList(allowed.filter((t) => !(goldFromBronze && t === "BRONZE")))} products.`,
      };
    }
    return { ok: true };
  }
  const allowed = settings.sameDomainUpstreamTiers[downstream.tier];
  if (goldFromBronze || !allowed.includes(upstream.tier)) {
    const readable = allowed.filter((t) => !(downstream.tier === "GOLD" && t === "BRONZE"));
    return {
      ok: false,
      rule: "tier.same-domain-order",
      message: `${head}: inside a domain ${downstream.tier} may only read ${tierList(readable)}.`,
    };
  }
  return { ok: true };
}
