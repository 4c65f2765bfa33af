// Turns the authored contract histories into published versions with the contract engine:
// every document validated by ZContractDocument, every step diffed by diffContracts, and the
// version number checked against the required bump. A mismatch stops the seed.
import semver from "semver";
import { ZContractDocument, type ContractDocument } from "../../lib/domain/contracts/document";
import { diffContracts } from "../../lib/domain/contracts/diff";
import { humanChangelog } from "../../lib/domain/contracts/changelog";
import { flattenFields, type FlatField } from "../../lib/domain/contracts/flatten";
import { toContractYaml } from "../../lib/domain/contracts/yaml";
import type { Change, ChangeClass } from "../../lib/domain/contracts/change";
import { checkVersionBump, declaredBump } from "../../lib/domain/versions/bump";
import { deprecationCovers } from "../../lib/domain/versions/subscription-state";
import type { Clock } from "./clock";
import { rng } from "./rng";
import type { ContractDoc, ContractHistory } from "./contracts/helpers";
import type { NoticeDef } from "./deprecations";

export type BuiltVersion = {
  product: string;
  version: string;
  major: number;
  minor: number;
  patch: number;
  document: ContractDocument;
  sourceYaml: string;
  fields: FlatField[];
  changeClass: ChangeClass | null;
  changes: Change[];
  changelog: string;
  publishedAt: Date;
  status: "PUBLISHED" | "DEPRECATED" | "RETIRED";
  deprecatedAt: Date | null;
  retiredAt: Date | null;
};

function parse(doc: ContractDoc): ContractDocument {
  const result = ZContractDocument.safeParse(doc);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Seed contract ${doc.product} ${doc.version} is invalid:\n${issues}`);
  }
  return result.data;
}

function build(history: ContractHistory, clock: Clock): BuiltVersion[] {
  const out: BuiltVersion[] = [];
  let draft = structuredClone(history.first);
  let previous: ContractDocument | null = null;
  const steps = [{ version: history.first.version, daysAgo: history.firstDaysAgo, edit: () => {} }, ...history.steps];
  for (const step of steps) {
    draft = structuredClone(draft);
    step.edit(draft);
    draft.version = step.version;
    const document = parse(draft);
    const diff = previous ? diffContracts(previous, document) : { changes: [] as Change[], required: "NONE" as const };
    if (previous) {
      const declared = declaredBump(previous.version, document.version);
      const check = checkVersionBump(previous.version, document.version, diff);
      if (!check.ok) throw new Error(`Seed contract ${history.product}: ${check.message}`);
      // Exact match, so every stored changeClass equals the bump of its number.
      if (diff.required === "NONE" || declared !== diff.required) {
        const list = diff.changes.map((c) => `  ${c.class} ${c.message}`).join("\n") || "  (no changes)";
        throw new Error(`Seed contract ${history.product}: ${previous.version} -> ${document.version} is a ${declared} bump but the diff requires ${diff.required}:\n${list}`);
      }
    }
    const v = semver.parse(document.version)!;
    out.push({
      product: history.product,
      version: document.version,
      major: v.major,
      minor: v.minor,
      patch: v.patch,
      document,
      sourceYaml: toContractYaml(document),
      fields: flattenFields(document),
      changeClass: previous ? (diff.required as ChangeClass) : null,
      changes: diff.changes,
      changelog: humanChangelog(diff.changes).join("\n"),
      // A few hours of deterministic jitter, so versions are not all published at the same time of day.
      publishedAt: clock.daysAgo(step.daysAgo - (rng(`${history.product}@${step.version}`)() * 8 - 4) / 24),
      status: "PUBLISHED",
      deprecatedAt: null,
      retiredAt: null,
    });
    previous = document;
  }
  return out;
}

/** Versions per product key, oldest first, with the statuses the notices imply at `now`. */
export function buildVersions(histories: ContractHistory[], notices: NoticeDef[], clock: Clock): Map<string, BuiltVersion[]> {
  const byProduct = new Map<string, BuiltVersion[]>();
  for (const h of histories) {
    if (byProduct.has(h.product)) throw new Error(`Seed: two contract histories for ${h.product}`);
    if (h.first.product !== h.product) throw new Error(`Seed: history ${h.product} documents product ${h.first.product}`);
    byProduct.set(h.product, build(h, clock));
  }
  for (const n of notices) {
    const versions = byProduct.get(n.product);
    if (!versions) throw new Error(`Seed: notice for unknown product ${n.product}`);
    const announcedAt = clock.daysAgo(n.announcedDaysAgo);
    const sunsetAt = clock.daysFromNow(n.sunsetInDays);
    const ref = { targetRange: n.targetRange, sunsetAt, status: "ACTIVE" as const };
    for (const v of versions.filter((x) => deprecationCovers(ref, x.version))) {
      if (v.publishedAt > announcedAt) throw new Error(`Seed: ${n.product} ${v.version} published after the notice that retires it`);
      v.deprecatedAt = announcedAt;
      v.status = sunsetAt <= clock.now ? "RETIRED" : "DEPRECATED";
      v.retiredAt = v.status === "RETIRED" ? sunsetAt : null;
    }
  }
  return byProduct;
}

/** The newest non-retired version (the newest one when all are retired, for a retired product). */
export function currentVersion(versions: BuiltVersion[]): BuiltVersion {
  const live = versions.filter((v) => v.status !== "RETIRED");
  const pool = live.length > 0 ? live : versions;
  return pool.reduce((a, b) => (semver.gt(b.version, a.version) ? b : a));
}
