// Semver bump check at publish time: the new number must be greater than its predecessor and make
// at least the bump the diff requires. Skipped numbers (2.1.0 -> 2.3.0) are allowed, as in semver.
import semver from "semver";
import { bumpRank, type Change, type ChangeClass, type RequiredBump } from "../contracts/change";

export type BumpCheck =
  | { ok: true; declared: ChangeClass | "INITIAL" }
  | { ok: false; reason: "invalid-version" | "not-increasing" | "too-small"; message: string; offending: Change[] };

/** The bump from prev to next by the highest component that grew; null when next is not greater. */
export function declaredBump(prev: string, next: string): ChangeClass | null {
  if (!semver.gt(next, prev)) return null;
  if (semver.major(next) > semver.major(prev)) return "MAJOR";
  if (semver.minor(next) > semver.minor(prev)) return "MINOR";
  return "PATCH";
}

const STRICT = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** `prevVersion` is the version the diff was taken against (null for a product's first version). */
export function checkVersionBump(
  prevVersion: string | null,
  newVersion: string,
  diff: { required: RequiredBump; changes: readonly Change[] },
): BumpCheck {
  if (!STRICT.test(newVersion)) {
    return { ok: false, reason: "invalid-version", message: `Version "${newVersion}" must be MAJOR.MINOR.PATCH, e.g. 2.1.0`, offending: [] };
  }
  if (prevVersion === null) return { ok: true, declared: "INITIAL" };
  const declared = declaredBump(prevVersion, newVersion);
  if (declared === null) {
    return { ok: false, reason: "not-increasing", message: `Version ${newVersion} must be greater than ${prevVersion}`, offending: [] };
  }
  if (bumpRank(declared) >= bumpRank(diff.required)) return { ok: true, declared };
  const offending = diff.changes.filter((c) => bumpRank(c.class) > bumpRank(declared));
  const list = offending.map((c) => c.message.replace(/\.$/, "")).join("; ");
  return {
    ok: false,
    reason: "too-small",
    message: `Declared ${declared} (${prevVersion} -> ${newVersion}) but the diff requires ${diff.required}: ${list}`,
    offending,
  };
}

/** The version a new one is diffed against: the newest existing version below it (backports included). */
export function previousVersionFor(newVersion: string, existing: readonly string[]): string | null {
  return semver.maxSatisfying(existing.filter((v) => semver.valid(v) !== null), `<${newVersion}`);
}
