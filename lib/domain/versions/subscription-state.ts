// Where a subscription stands: BROKEN (nothing resolves), DEPRECATED (resolved version under an
// active notice), NEW_MAJOR_AVAILABLE, UPDATE_AVAILABLE (newer in the same major, outside the pin), CURRENT.
import semver from "semver";
import { parsePin, type Pin } from "./pin";
import { resolvePin, type VersionEntry } from "./resolve";

export type DeprecationRef = {
  /** Range of versions retired (pin syntax or any semver range); null = the whole product. */
  targetRange: string | null;
  sunsetAt: Date;
  status?: "ACTIVE" | "WITHDRAWN" | "COMPLETED";
};

/** `latest` is the version to look at next: newest overall, or newest in the major for UPDATE_AVAILABLE. */
export type SubscriptionState<V extends VersionEntry, D extends DeprecationRef> =
  | { state: "BROKEN"; resolved: null }
  | { state: "DEPRECATED"; resolved: V; notice: D; sunsetAt: Date; daysToSunset: number; latest: V }
  | { state: "NEW_MAJOR_AVAILABLE"; resolved: V; latest: V }
  | { state: "UPDATE_AVAILABLE"; resolved: V; latest: V }
  | { state: "CURRENT"; resolved: V; latest: V };

const DAY_MS = 86_400_000;

/** Does an (active) notice cover this version? */
export function deprecationCovers(notice: DeprecationRef, version: string): boolean {
  if ((notice.status ?? "ACTIVE") !== "ACTIVE") return false;
  if (notice.targetRange === null) return true;
  const pin = parsePin(notice.targetRange);
  const range = pin.ok ? pin.pin.range : semver.validRange(notice.targetRange);
  if (range === null) throw new Error(`Deprecation range "${notice.targetRange}" is not a valid range`);
  return semver.satisfies(version, range);
}

function newest<V extends VersionEntry>(versions: readonly V[], keep: (v: V) => boolean): V | null {
  let best: V | null = null;
  for (const v of versions) {
    if (v.status === "RETIRED" || semver.valid(v.version) === null || !keep(v)) continue;
    if (best === null || semver.gt(v.version, best.version)) best = v;
  }
  return best;
}

export function subscriptionState<V extends VersionEntry, D extends DeprecationRef>(input: {
  range: Pin | string;
  versions: readonly V[];
  deprecations?: readonly D[];
  now: Date;
}): SubscriptionState<V, D> {
  const resolved = resolvePin(input.range, input.versions);
  if (resolved === null) return { state: "BROKEN", resolved: null };
  const latest = newest(input.versions, () => true) ?? resolved;
  const notices = (input.deprecations ?? [])
    .filter((n) => deprecationCovers(n, resolved.version))
    .sort((a, b) => a.sunsetAt.getTime() - b.sunsetAt.getTime());
  const notice = notices[0];
  if (notice) {
    const daysToSunset = Math.max(0, Math.ceil((notice.sunsetAt.getTime() - input.now.getTime()) / DAY_MS));
    return { state: "DEPRECATED", resolved, notice, sunsetAt: notice.sunsetAt, daysToSunset, latest };
  }
  if (semver.major(latest.version) > semver.major(resolved.version)) {
    return { state: "NEW_MAJOR_AVAILABLE", resolved, latest };
  }
  const major = semver.major(resolved.version);
  const newestInMajor = newest(input.versions, (v) => semver.major(v.version) === major) ?? resolved;
  if (semver.gt(newestInMajor.version, resolved.version)) {
    return { state: "UPDATE_AVAILABLE", resolved, latest: newestInMajor };
  }
  return { state: "CURRENT", resolved, latest };
}
