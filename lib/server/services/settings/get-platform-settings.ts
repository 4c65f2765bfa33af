import "server-only";
import { z } from "zod";
import { getDb } from "../../db/client";
import type { Tx } from "../../db/client";
import { DEFAULT_TIER_RULES, ZTierRuleSettings, type TierRuleSettings } from "@/lib/domain/governance/tier-rules";

export interface PlatformSettings {
  tierRules: TierRuleSettings;
  /** Minimum days between announcement and sunset while subscribers remain. */
  deprecationMinDays: number;
  approvalDefaultByTier: { BRONZE: boolean; SILVER: boolean; GOLD: boolean };
}

export const DEFAULT_SETTINGS: PlatformSettings = {
  tierRules: DEFAULT_TIER_RULES,
  deprecationMinDays: 90,
  approvalDefaultByTier: { BRONZE: false, SILVER: false, GOLD: true },
};

const ZApproval = z.object({ BRONZE: z.boolean(), SILVER: z.boolean(), GOLD: z.boolean() });

/** Platform settings from the database, each falling back to its default when absent or invalid. */
export async function getPlatformSettings(tx?: Tx): Promise<PlatformSettings> {
  const rows = await (tx ?? getDb()).platformSetting.findMany({ where: { key: { in: ["governance.tierRules", "deprecation.minDays", "approval.defaultByTier"] } } });
  const get = (k: string) => rows.find((r) => r.key === k)?.value;
  const tier = ZTierRuleSettings.safeParse(get("governance.tierRules"));
  const min = z.number().int().min(0).max(3650).safeParse(get("deprecation.minDays"));
  const approval = ZApproval.safeParse(get("approval.defaultByTier"));
  return {
    tierRules: tier.success ? tier.data : DEFAULT_SETTINGS.tierRules,
    deprecationMinDays: min.success ? min.data : DEFAULT_SETTINGS.deprecationMinDays,
    approvalDefaultByTier: approval.success ? approval.data : DEFAULT_SETTINGS.approvalDefaultByTier,
  };
}
