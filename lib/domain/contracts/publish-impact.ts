// Who a publish would touch, for dry runs: each active subscriber's pin before and after (with
// whether the version flowing in carries breaking changes), and the product's active deprecations.
import semver from "semver";
import { resolvePin, type VersionEntry } from "../versions/resolve";
import { deprecationCovers, type DeprecationRef } from "../versions/subscription-state";
import { diffContracts } from "./diff";
import type { ContractDocument } from "./document";

/**
 * BREAKS: the new version flows into the pin and is a MAJOR change from what the subscriber has.
 * UPGRADES: it flows in, compatibly. NEW_MAJOR: the pin stays on an older major (the consumer must
 * move it to get the new version). UNCHANGED: the pin keeps resolving to what it has. REVIVES: a
 * BROKEN subscription (its versions retired) that the new version falls inside: it becomes active.
 */
export type SubscriberEffect = "BREAKS" | "UPGRADES" | "NEW_MAJOR" | "UNCHANGED" | "REVIVES";

export type SubscriberImpact = { consumerTeam: string; pinRange: string; from: string | null; to: string | null; effect: SubscriberEffect; breakingChanges: string[] };
export type DeprecationImpact = { targetRange: string | null; sunsetAt: string; reason: string | null; coversNewVersion: boolean; subscribers: string[] };
export type PublishImpact = { subscribers: SubscriberImpact[]; breaks: number; deprecations: DeprecationImpact[] };

type Sub = { consumerTeam: string; pinRange: string; status: string };
type Notice = DeprecationRef & { reason?: string | null };

function resolveSafely<V extends VersionEntry>(pin: string, versions: readonly V[]): V | null {
  try {
    return resolvePin(pin, versions);
  } catch {
    return null;
  }
}

export function publishImpact(input: {
  document: ContractDocument;
  versions: readonly (VersionEntry & { document: ContractDocument })[];
  subscriptions: readonly Sub[];
  notices: readonly Notice[];
}): PublishImpact {
  const next = { version: input.document.version, status: "PUBLISHED" as const, document: input.document };
  const after = [...input.versions.filter((v) => v.version !== next.version), next];
  const resolvedBefore = new Map<Sub, string | null>();
  const revived = input.subscriptions
    .filter((s) => s.status === "BROKEN" && resolveSafely(s.pinRange, after) === next)
    .map((s): SubscriberImpact => ({ consumerTeam: s.consumerTeam, pinRange: s.pinRange, from: null, to: next.version, effect: "REVIVES", breakingChanges: [] }));
  const subscribers = input.subscriptions
    .filter((s) => s.status === "ACTIVE")
    .map((s): SubscriberImpact => {
      const from = resolveSafely(s.pinRange, input.versions);
      const to = resolveSafely(s.pinRange, after);
      resolvedBefore.set(s, from?.version ?? null);
      const base = { consumerTeam: s.consumerTeam, pinRange: s.pinRange, from: from?.version ?? null, to: to?.version ?? null, breakingChanges: [] as string[] };
      if (to === next) {
        const breaking = from ? diffContracts(from.document, next.document).changes.filter((c) => c.class === "MAJOR").map((c) => c.message) : [];
        return { ...base, effect: breaking.length > 0 ? "BREAKS" : "UPGRADES", breakingChanges: breaking };
      }
      const olderMajor = from !== null && semver.valid(next.version) !== null && semver.major(next.version) > semver.major(from.version);
      return { ...base, effect: olderMajor ? "NEW_MAJOR" : "UNCHANGED" };
    })
    .concat(revived)
    .sort((a, b) => a.consumerTeam.localeCompare(b.consumerTeam) || a.pinRange.localeCompare(b.pinRange));
  const deprecations = input.notices
    .filter((n) => (n.status ?? "ACTIVE") === "ACTIVE")
    .map((n) => {
      const covers = (v: string | null) => v !== null && safeCovers(n, v);
      const teams = input.subscriptions.filter((s) => s.status === "ACTIVE" && covers(resolvedBefore.get(s) ?? null)).map((s) => s.consumerTeam);
      return { targetRange: n.targetRange, sunsetAt: n.sunsetAt.toISOString(), reason: n.reason ?? null, coversNewVersion: covers(next.version), subscribers: [...new Set(teams)].sort() };
    })
    .sort((a, b) => a.sunsetAt.localeCompare(b.sunsetAt));
  return { subscribers, breaks: subscribers.filter((s) => s.effect === "BREAKS").length, deprecations };
}

function safeCovers(n: DeprecationRef, version: string): boolean {
  try {
    return deprecationCovers(n, version);
  } catch {
    return false;
  }
}
