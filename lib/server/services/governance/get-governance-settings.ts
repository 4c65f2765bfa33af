import "server-only";
import type { Db, Tx } from "../../db/client";
import { getDb } from "../../db/client";
import { DEFAULT_CONTRACT_RULES, ZContractRuleSettings, type ContractRuleSettings } from "@/lib/domain/governance/contract-rules";
import { DEFAULT_TIER_RULES, ZTierRuleSettings, type TierRuleSettings } from "@/lib/domain/governance/tier-rules";

export type GovernanceSettings = {
  contractRules: ContractRuleSettings;
  tierRules: TierRuleSettings;
  minDeprecationDays: number;
  /** Keys whose stored value was unreadable (the default applies; shown to admins). */
  invalid: string[];
};

/** The platform's governance settings (PlatformSetting rows), defaults for anything not set. */
export async function getGovernanceSettings(client: Db | Tx = getDb()): Promise<GovernanceSettings> {
  const rows = await client.platformSetting.findMany({ where: { key: { in: ["governance.contractRules", "governance.tierRules", "deprecation.minDays"] } } });
  const value = (key: string) => rows.find((r) => r.key === key)?.value;
  const invalid: string[] = [];
  const read = <T>(key: string, parse: (v: unknown) => { success: boolean; data?: T }, fallback: T): T => {
    const v = value(key);
    if (v === undefined) return fallback;
    const r = parse(v);
    if (!r.success) invalid.push(key);
    return r.success ? r.data! : fallback;
  };
  const days = value("deprecation.minDays");
  return {
    contractRules: read("governance.contractRules", (v) => ZContractRuleSettings.safeParse(v), DEFAULT_CONTRACT_RULES),
    tierRules: read("governance.tierRules", (v) => ZTierRuleSettings.safeParse(v), DEFAULT_TIER_RULES),
    minDeprecationDays: typeof days === "number" && days > 0 ? days : 90,
    invalid,
  };
}
