// Governance rules checked when a contract version is published (policy as code). Each violation
// names its rule and says precisely what to change. Settings are data (PlatformSetting
// "governance.contractRules"); DEFAULT_CONTRACT_RULES is the documented default.
import semver from "semver";
import { z } from "zod";
import type { ContractDocument, SlaPart } from "../contracts/document";
import { flattenFields } from "../contracts/flatten";
import { TIERS, type ReliabilityClass, type Tier } from "../product-key";
import { resolvePin, type VersionEntry } from "../versions/resolve";
import { deprecationCovers, type DeprecationRef } from "../versions/subscription-state";

export type ContractRuleId =
  | "contract.document"
  | "contract.product-key"
  | "product.not-retired"
  | "version.unique"
  | "version.semver-bump"
  | "class.minimum-promises"
  | "pii.gold-masked"
  | "major.deprecation-first";

export type Violation = { rule: ContractRuleId; message: string; path?: string; line?: number | null; column?: number | null };

export const CONTRACT_RULES: { id: ContractRuleId; title: string; description: string }[] = [
  { id: "contract.document", title: "Valid document", description: "The document is a valid native contract or ODCS v3 document (errors carry a path and a line)." },
  { id: "contract.product-key", title: "Right product", description: "A document that names a product (`product`, or ODCS `dataProductKey`) names the product it is published to." },
  { id: "product.not-retired", title: "Product not retired", description: "A retired product accepts no new versions." },
  { id: "version.unique", title: "Immutable versions", description: "A published version is never changed: its number can be published once (409 otherwise)." },
  { id: "version.semver-bump", title: "Semver decided by the diff", description: "The version makes at least the bump its diff against the previous version requires; every offending change is listed." },
  { id: "class.minimum-promises", title: "Minimum promises per reliability class", description: "The contract carries the promises its product's reliability class requires (and the owner team has an on-call when required)." },
  { id: "pii.gold-masked", title: "PII masked in GOLD", description: "Every PII-tagged field of a product in a listed tier carries a mask (sha256, tokenize or redact)." },
  { id: "major.deprecation-first", title: "Deprecate before a new major", description: "A new MAJOR is refused while active subscriptions resolve to the previous major and no deprecation notice covers their version." },
];

const ZSlaPart = z.enum(["freshness", "completeness", "accuracy", "availability", "lateArrival"]);
const ZMinimum = z.strictObject({ sla: z.array(ZSlaPart), onCall: z.boolean() });
export const ZContractRuleSettings = z.strictObject({
  minimumPromises: z.strictObject({ OPERATIONAL: ZMinimum, DECISION_SUPPORT: ZMinimum, EXPLORATORY: ZMinimum }),
  maskedPiiTiers: z.array(z.enum(TIERS)),
});
export type ContractRuleSettings = z.output<typeof ZContractRuleSettings>;

export const DEFAULT_CONTRACT_RULES: ContractRuleSettings = {
  minimumPromises: {
    OPERATIONAL: { sla: ["freshness", "completeness", "accuracy"], onCall: true },
    DECISION_SUPPORT: { sla: ["freshness", "completeness"], onCall: false },
    EXPLORATORY: { sla: [], onCall: false },
  },
  maskedPiiTiers: ["GOLD"],
};

const LABEL: Record<SlaPart, string> = { freshness: "freshness", completeness: "completeness", accuracy: "accuracy", availability: "availability", lateArrival: "late-arrival" };
const CLASS: Record<ReliabilityClass, string> = { OPERATIONAL: "OPERATIONAL", DECISION_SUPPORT: "DECISION_SUPPORT", EXPLORATORY: "EXPLORATORY" };
const list = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`);

export function checkMinimumPromises(
  input: { reliabilityClass: ReliabilityClass; sla: ContractDocument["sla"]; team: string; onCallHandle: string | null },
  settings: ContractRuleSettings = DEFAULT_CONTRACT_RULES,
): Violation[] {
  const min = settings.minimumPromises[input.reliabilityClass];
  const cls = CLASS[input.reliabilityClass];
  const out: Violation[] = min.sla
    .filter((part) => !input.sla[part])
    .map((part) => ({
      rule: "class.minimum-promises" as const,
      path: `sla.${part}`,
      message: `${cls} products must promise ${list(min.sla.map((p) => LABEL[p]))}: the contract has no ${LABEL[part]} promise (sla.${part}).`,
    }));
  if (min.onCall && !input.onCallHandle?.trim()) {
    out.push({ rule: "class.minimum-promises", path: "team.onCallHandle", message: `${cls} products need an on-call: team "${input.team}" has no on-call handle. Set one on the team before publishing.` });
  }
  return out;
}

export function checkPiiMasked(input: { tier: Tier; document: Pick<ContractDocument, "schema"> }, settings: ContractRuleSettings = DEFAULT_CONTRACT_RULES): Violation[] {
  if (!settings.maskedPiiTiers.includes(input.tier)) return [];
  return flattenFields(input.document)
    .filter((f) => f.pii && !f.mask)
    .map((f) => ({ rule: "pii.gold-masked" as const, path: f.path, message: `Field \`${f.path}\` is tagged PII in a ${input.tier} product and has no mask: add \`mask: sha256\`, \`tokenize\` or \`redact\`.` }));
}

export type SubscriptionRef = { consumerTeam: string; pinRange: string; status: string };

/** A new MAJOR needs every active subscription on the previous major covered by a deprecation notice. */
export function checkDeprecationFirst(input: {
  version: string;
  previous: string | null;
  declared: string | null;
  versions: readonly VersionEntry[];
  subscriptions: readonly SubscriptionRef[];
  notices: readonly DeprecationRef[];
}): Violation[] {
  if (input.declared !== "MAJOR" || input.previous === null) return [];
  const major = semver.major(input.previous);
  const stuck = input.subscriptions.flatMap((s) => {
    if (s.status !== "ACTIVE") return [];
    let resolved: VersionEntry | null = null;
    try {
      resolved = resolvePin(s.pinRange, input.versions);
    } catch {
      return [];
    }
    if (!resolved || semver.major(resolved.version) !== major) return [];
    return input.notices.some((n) => deprecationCovers(n, resolved!.version)) ? [] : [`${s.consumerTeam} (${s.pinRange} -> ${resolved.version})`];
  });
  if (stuck.length === 0) return [];
  return [
    {
      rule: "major.deprecation-first",
      path: "version",
      message: `${input.version} is a new major, but ${stuck.length} active subscription${stuck.length === 1 ? "" : "s"} resolve to ${major}.x and no deprecation notice covers ${stuck.length === 1 ? "it" : "them"}: ${stuck.join(", ")}. Publish a deprecation notice for ${major}.x first.`,
    },
  ];
}
