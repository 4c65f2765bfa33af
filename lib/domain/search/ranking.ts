// How the marketplace orders results. Text relevance first, as bands by where the words were
// found; within a band, trust: GOLD before SILVER before BRONZE, healthy SLOs first, more active
// subscribers first; deprecated and draft products demoted, retired ones last (and hidden unless
// asked for): lifecycle status first, then tier, SLO, upstream risk and subscribers. TRUST is mirrored by the SQL function tessera_trust (its index serves the ordering);
// tests/integration/search-ranking.test.ts checks that both agree.
import type { ReliabilityClass, Tier } from "../product-key";
import type { SloStatus } from "../slo/status";
import type { LifecycleStatus, Sort } from "./search-state";

export const TRUST = {
  tier: { GOLD: 1.6, SILVER: 1.2, BRONZE: 1.0 },
  slo: { GREEN: 1.25, AMBER: 1.0, UNKNOWN: 0.9, RED: 0.7 },
  /** A hard upstream is red. */
  atRisk: 0.85,
  /** Multiplier per natural log of (1 + active subscribers). */
  subscribers: 0.15,
  /** Steps of 16: more than all other factors together can span, so status always decides first. */
  status: { ACTIVE: 1, DRAFT: 1 / 16, DEPRECATED: 1 / 256, RETIRED: 1 / 4096 },
} as const satisfies {
  tier: Record<Tier, number>;
  slo: Record<SloStatus, number>;
  atRisk: number;
  subscribers: number;
  status: Record<LifecycleStatus, number>;
};

export interface TrustInput {
  tier: Tier;
  sloStatus: SloStatus;
  atRisk: boolean;
  activeSubscriberCount: number;
  lifecycleStatus: LifecycleStatus;
}

/** The trust score (> 0); only its order matters. Float32 like the SQL function. */
export function trustScore(p: TrustInput): number {
  const subs = Math.max(0, p.activeSubscriberCount || 0);
  return Math.fround(
    TRUST.tier[p.tier] * TRUST.slo[p.sloStatus] * (p.atRisk ? TRUST.atRisk : 1) * (1 + TRUST.subscribers * Math.log(1 + subs)) * TRUST.status[p.lifecycleStatus],
  );
}

/** Relevance bands, best first. */
export const BANDS = {
  /** Every word is in the name or topic. */
  name: 1,
  /** Every word is in those or the domain, owner team or tags. */
  context: 2,
  /** Some words are there, the others in the description or fields. */
  partial: 3,
  /** Only in the description or the current contract's fields. */
  body: 4,
} as const;
export type Band = (typeof BANDS)[keyof typeof BANDS];

export const BAND_LABEL: Record<Band, string> = {
  1: "Matches the name",
  2: "Matches the name, domain, owner or tags",
  3: "Partly matches the name, domain, owner or tags",
  4: "Matches the description or the contract's fields",
};

export interface RankInput extends TrustInput {
  key: string;
  name: string;
  band: Band;
  updatedAt: Date;
}

/** The order of results for a sort; `relevance` without a query is trust alone. Ties by key. */
export function compareResults(sort: Sort, hasQuery: boolean): (a: RankInput, b: RankInput) => number {
  const byKey = (a: RankInput, b: RankInput) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const byTrust = (a: RankInput, b: RankInput) => trustScore(b) - trustScore(a) || byKey(a, b);
  switch (sort) {
    case "name":
      return (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : byKey(a, b));
    case "updated":
      return (a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || byKey(a, b);
    case "subscribers":
      return (a, b) => b.activeSubscriberCount - a.activeSubscriberCount || byKey(a, b);
    case "relevance":
      return hasQuery ? (a, b) => a.band - b.band || byTrust(a, b) : byTrust;
  }
}

export const SORT_LABEL: Record<Sort, string> = {
  relevance: "Relevance",
  name: "Name",
  updated: "Recently updated",
  subscribers: "Most subscribed",
};

export const CLASS_ORDER: readonly ReliabilityClass[] = ["OPERATIONAL", "DECISION_SUPPORT", "EXPLORATORY"];
