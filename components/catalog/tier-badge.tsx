import { Badge } from "../ui/badge";

const TONE = { BRONZE: "bronze", SILVER: "silver", GOLD: "gold" } as const;
const LABEL = { BRONZE: "Bronze", SILVER: "Silver", GOLD: "Gold" } as const;

export function TierBadge({ tier }: { tier: keyof typeof TONE }) {
  return <Badge tone={TONE[tier]}>{LABEL[tier]}</Badge>;
}

const CLASS_LABEL = { OPERATIONAL: "Operational", DECISION_SUPPORT: "Decision support", EXPLORATORY: "Exploratory" } as const;
const CLASS_HINT = {
  OPERATIONAL: "Automation runs on it: strict freshness and correctness",
  DECISION_SUPPORT: "Reports: completeness and predictability",
  EXPLORATORY: "Best effort, no guarantees",
} as const;

export function ClassBadge({ value }: { value: keyof typeof CLASS_LABEL }) {
  return (
    <Badge tone={value === "EXPLORATORY" ? "neutral" : "indigo"} title={CLASS_HINT[value]}>
      {CLASS_LABEL[value]}
      {value === "EXPLORATORY" ? " · best effort" : ""}
    </Badge>
  );
}
