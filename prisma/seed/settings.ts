// Platform settings the demo starts with (the documented defaults).
import { DEFAULT_TIER_RULES } from "../../lib/domain/governance/tier-rules";
import { MIN_DEPRECATION_DAYS } from "./plan-relations";

export const PLATFORM_SETTINGS: { key: string; value: unknown }[] = [
  { key: "deprecation.minDays", value: MIN_DEPRECATION_DAYS },
  { key: "approval.defaultByTier", value: { BRONZE: false, SILVER: false, GOLD: true } },
  { key: "governance.tierRules", value: DEFAULT_TIER_RULES },
];
