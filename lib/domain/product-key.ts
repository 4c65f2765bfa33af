// Product identity: tiers, reliability classes (mirroring the Prisma enums), slugs and product keys.
// A product key is "<domain>.<topic>.<tier>" in lowercase, e.g. "orders.order_facts.gold".
import { z } from "zod";

export const TIERS = ["BRONZE", "SILVER", "GOLD"] as const;
export type Tier = (typeof TIERS)[number];
export const ZTier = z.enum(TIERS);

export const RELIABILITY_CLASSES = ["OPERATIONAL", "DECISION_SUPPORT", "EXPLORATORY"] as const;
export type ReliabilityClass = (typeof RELIABILITY_CLASSES)[number];
export const ZReliabilityClass = z.enum(RELIABILITY_CLASSES);

/** A slug starts with a lowercase letter, then lowercase letters, digits or underscores (max 63). */
export const SLUG_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;
const SLUG_RULE = "lowercase letters, digits and underscores, starting with a letter (at most 63)";

export const ZSlug = z.string().regex(SLUG_PATTERN, `Must be ${SLUG_RULE}`);
export const ZDomainSlug = ZSlug;
export const ZTopicSlug = ZSlug;

export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

export type ProductKeyParts = { domain: string; topic: string; tier: Tier };

export type ProductKeyParseResult =
  | { ok: true; value: ProductKeyParts }
  | { ok: false; message: string };

/** Builds the key; throws on an invalid slug (a programming error: slugs are validated on input). */
export function productKey(domainSlug: string, topic: string, tier: Tier): string {
  if (!isSlug(domainSlug)) throw new Error(`Invalid domain slug "${domainSlug}": must be ${SLUG_RULE}`);
  if (!isSlug(topic)) throw new Error(`Invalid topic slug "${topic}": must be ${SLUG_RULE}`);
  if (!TIERS.includes(tier)) throw new Error(`Invalid tier "${String(tier)}"`);
  return `${domainSlug}.${topic}.${tier.toLowerCase()}`;
}

export function parseProductKey(key: string): ProductKeyParseResult {
  const parts = key.split(".");
  if (parts.length !== 3) {
    return { ok: false, message: `Product key "${key}" must have three parts: domain.topic.tier` };
  }
  const [domain, topic, tierPart] = parts as [string, string, string];
  if (!isSlug(domain)) {
    return { ok: false, message: `Product key "${key}": domain "${domain}" must be ${SLUG_RULE}` };
  }
  if (!isSlug(topic)) {
    return { ok: false, message: `Product key "${key}": topic "${topic}" must be ${SLUG_RULE}` };
  }
  const tier = TIERS.find((t) => t.toLowerCase() === tierPart);
  if (!tier) {
    return { ok: false, message: `Product key "${key}": tier "${tierPart}" must be bronze, silver or gold` };
  }
  return { ok: true, value: { domain, topic, tier } };
}

/** Validates a product key string (keeps it a string). */
export const ZProductKey = z.string().superRefine((value, ctx) => {
  const parsed = parseProductKey(value);
  if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
});
