// Everything decided before a version is written, in one report shared by the API, the publish
// preview and dry runs: the diff against the previous version, the required and declared bumps,
// and every rule violation. Pure: the caller loads the product's state.
import semver from "semver";
import type { MappingNote } from "../odcs/notes";
import type { ReliabilityClass, Tier } from "../product-key";
import {
  checkDeprecationFirst,
  checkMinimumPromises,
  checkPiiMasked,
  DEFAULT_CONTRACT_RULES,
  type ContractRuleSettings,
  type SubscriptionRef,
  type Violation,
} from "../governance/contract-rules";
import { checkVersionBump, declaredBump, previousVersionFor } from "../versions/bump";
import type { VersionEntry } from "../versions/resolve";
import type { DeprecationRef } from "../versions/subscription-state";
import type { Change, ChangeClass, RequiredBump } from "./change";
import { humanChangelog } from "./changelog";
import { publishImpact, type PublishImpact } from "./publish-impact";
import { checkSlaFeasibility, type FeasibilityWarning, type Upstream } from "../topology/feasibility";
import { diffContracts } from "./diff";
import type { ContractDocument } from "./document";
import type { DetectedFormat, ParsedSource } from "./source";

export type PublishReport = {
  product: string;
  format: DetectedFormat | null;
  version: string | null;
  previous: string | null;
  changes: Change[];
  required: RequiredBump;
  declared: ChangeClass | "INITIAL" | null;
  violations: Violation[];
  /** ODCS parts that were converted, defaulted or not kept. */
  notes: MappingNote[];
  changelog: string[];
  /** EXPLORATORY products publish without minimum promises, labelled best effort. */
  bestEffort: boolean;
  ok: boolean;
  document: ContractDocument | null;
  /** Who the version would reach (subscribers' pins before and after, active deprecations); null for an invalid document. */
  impact: PublishImpact | null;
  /** Promises the HARD upstreams cannot back (fresher or more complete than they promise): shown, not refused. */
  warnings: FeasibilityWarning[];
};

export type PublishState = {
  product: { key: string; tier: Tier; reliabilityClass: ReliabilityClass; lifecycleStatus: string; team: string; onCallHandle: string | null };
  versions: readonly (VersionEntry & { document: ContractDocument })[];
  subscriptions: readonly SubscriptionRef[];
  notices: readonly (DeprecationRef & { reason?: string | null })[];
  settings?: ContractRuleSettings;
  /** The product's direct HARD upstream products and what they promise (for SLA feasibility). */
  hardUpstreams?: readonly Upstream[];
};

function bumpViolations(previous: string, version: string, check: Extract<ReturnType<typeof checkVersionBump>, { ok: false }>, required: RequiredBump, taken: Set<string>): Violation[] {
  if (check.reason !== "too-small") return [{ rule: "version.semver-bump", path: "version", message: check.message }];
  const bump = required === "MAJOR" ? "major" : required === "MINOR" ? "minor" : "patch";
  const next = semver.inc(previous, bump)!;
  const hint = taken.has(next) ? "" : ` Publish it as ${next}.`;
  const declared = declaredBump(previous, version);
  return [
    { rule: "version.semver-bump", path: "version", message: `${version} is a ${declared} bump from ${previous}, but the diff requires ${required}: ${check.offending.length} change${check.offending.length === 1 ? "" : "s"} need${check.offending.length === 1 ? "s" : ""} a ${required} version.${hint}` },
    ...check.offending.map((c) => ({ rule: "version.semver-bump" as const, path: c.path, message: `${c.class}: ${c.message}` })),
  ];
}

export function evaluatePublish(source: ParsedSource, state: PublishState): PublishReport {
  const settings = state.settings ?? DEFAULT_CONTRACT_RULES;
  const bestEffort = state.product.reliabilityClass === "EXPLORATORY";
  const base = { product: state.product.key, format: source.format, notes: source.notes, bestEffort };
  if (!source.ok) {
    const violations = source.errors.map((e) => ({ rule: "contract.document" as const, path: e.path || undefined, line: e.line, column: e.column, message: e.message }));
    return { ...base, version: null, previous: null, changes: [], required: "NONE", declared: null, violations, changelog: [], ok: false, document: null, impact: null, warnings: [] };
  }
  const doc = source.document;
  const violations: Violation[] = [];
  const p = state.product;
  if (doc.product !== undefined && doc.product !== p.key) {
    violations.push({ rule: "contract.product-key", path: "product", message: `The document is for product ${doc.product}, not ${p.key}.` });
  }
  if (p.lifecycleStatus === "RETIRED") violations.push({ rule: "product.not-retired", message: `${p.key} is retired: it accepts no new versions.` });
  const taken = new Set(state.versions.map((v) => v.version));
  const exists = taken.has(doc.version);
  if (exists) violations.push({ rule: "version.unique", path: "version", message: `Version ${doc.version} of ${p.key} is already published, and published versions never change. Publish a new version number.` });
  const previous = exists ? null : previousVersionFor(doc.version, [...taken]);
  const prevDoc = previous ? state.versions.find((v) => v.version === previous)!.document : null;
  const diff = prevDoc ? diffContracts(prevDoc, doc) : { changes: [], required: "NONE" as const };
  let declared: PublishReport["declared"] = null;
  if (!exists) {
    const check = checkVersionBump(previous, doc.version, diff);
    declared = check.ok ? check.declared : previous ? declaredBump(previous, doc.version) : null;
    if (!check.ok) violations.push(...bumpViolations(previous!, doc.version, check, diff.required, taken));
  }
  violations.push(...checkMinimumPromises({ reliabilityClass: p.reliabilityClass, sla: doc.sla, team: p.team, onCallHandle: p.onCallHandle }, settings));
  violations.push(...checkPiiMasked({ tier: p.tier, document: doc }, settings));
  violations.push(...checkDeprecationFirst({ version: doc.version, previous, declared, versions: state.versions, subscriptions: state.subscriptions, notices: state.notices }));
  return {
    ...base,
    version: doc.version,
    previous,
    changes: diff.changes,
    required: diff.required,
    declared,
    violations,
    changelog: humanChangelog(diff.changes),
    ok: violations.length === 0,
    document: doc,
    impact: publishImpact({ document: doc, versions: state.versions, subscriptions: state.subscriptions, notices: state.notices }),
    warnings: checkSlaFeasibility({ freshnessMinutes: doc.sla.freshness?.maxAgeMinutes, completenessPercent: doc.sla.completeness?.minPercent }, state.hardUpstreams ?? []),
  };
}

/** The HTTP status of a refused publish: 400 invalid document, 409 version taken, 422 rules. */
export function refusalStatus(report: PublishReport): 400 | 409 | 422 {
  if (report.violations.some((v) => v.rule === "contract.document")) return 400;
  if (report.violations.some((v) => v.rule === "version.unique")) return 409;
  return 422;
}
