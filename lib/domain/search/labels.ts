// Words the marketplace shows for facets and their values (shared by server and client components).
import type { Facet } from "./search-state";

export const FACET_TITLE: Record<Facet, string> = {
  domain: "Domain",
  tier: "Tier",
  class: "Reliability class",
  slo: "SLO status",
  status: "Lifecycle",
  owner: "Owner team",
  tag: "Tags",
};

export const VALUE_LABEL: Partial<Record<Facet, Record<string, string>>> = {
  tier: { GOLD: "Gold", SILVER: "Silver", BRONZE: "Bronze" },
  class: { OPERATIONAL: "Operational", DECISION_SUPPORT: "Decision support", EXPLORATORY: "Exploratory" },
  slo: { GREEN: "Met", AMBER: "Budget running low", RED: "Breached", UNKNOWN: "No recent measurements" },
  status: { ACTIVE: "Active", DEPRECATED: "Deprecated", DRAFT: "Draft", RETIRED: "Retired" },
};

/** How a facet value reads: the fixed label of an enum value, else the label the search returned. */
export function valueLabel(facet: Facet, value: string, fallback = value): string {
  return VALUE_LABEL[facet]?.[value] ?? fallback;
}
