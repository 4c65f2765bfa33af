import { describe, it, expect } from "vitest";
import { subscriptionState, deprecationCovers, type DeprecationRef } from "./subscription-state";
import type { VersionEntry, VersionStatus } from "./resolve";

const v = (version: string, status: VersionStatus = "PUBLISHED"): VersionEntry => ({ version, status });
const now = new Date("2025-06-01T12:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe("subscriptionState", () => {
  const twoMajors = [v("1.0.0"), v("1.2.0"), v("2.0.0"), v("2.1.0")];
  type Row = [string, string, VersionEntry[], DeprecationRef[], string, string | null, string | null];
  const table: Row[] = [
    ["newest in its only major", "^2.0", [v("2.0.0"), v("2.1.0")], [], "CURRENT", "2.1.0", "2.1.0"],
    ["a newer major exists", "^1.0", twoMajors, [], "NEW_MAJOR_AVAILABLE", "1.2.0", "2.1.0"],
    ["a newer minor exists outside a tilde pin", "~2.0.0", twoMajors, [], "UPDATE_AVAILABLE", "2.0.0", "2.1.0"],
    ["an exact pin behind in its major", "2.0.0", twoMajors, [], "UPDATE_AVAILABLE", "2.0.0", "2.1.0"],
    ["new major beats update", "1.0.0", twoMajors, [], "NEW_MAJOR_AVAILABLE", "1.0.0", "2.1.0"],
    ["retired newer major does not count", "^1.0", [v("1.0.0"), v("2.0.0", "RETIRED")], [], "CURRENT", "1.0.0", "1.0.0"],
    ["nothing resolves", "^3.0", twoMajors, [], "BROKEN", null, null],
    ["everything retired", "1.x", [v("1.0.0", "RETIRED")], [], "BROKEN", null, null],
    ["deprecated by range", "^1.0", twoMajors, [{ targetRange: "1.x", sunsetAt: days(30) }], "DEPRECATED", "1.2.0", "2.1.0"],
    ["whole product deprecated", "^2.0", twoMajors, [{ targetRange: null, sunsetAt: days(100) }], "DEPRECATED", "2.1.0", "2.1.0"],
    ["notice does not cover the resolved version", "^2.0", twoMajors, [{ targetRange: "1.x", sunsetAt: days(30) }], "CURRENT", "2.1.0", "2.1.0"],
    ["withdrawn notice ignored", "^1.0", twoMajors, [{ targetRange: "1.x", sunsetAt: days(30), status: "WITHDRAWN" }], "NEW_MAJOR_AVAILABLE", "1.2.0", "2.1.0"],
    ["semver range notices work", "^1.0", twoMajors, [{ targetRange: "<2.0.0", sunsetAt: days(30) }], "DEPRECATED", "1.2.0", "2.1.0"],
  ];
  it.each(table)("%s", (_name, range, versions, deprecations, state, resolved, latest) => {
    const result = subscriptionState({ range, versions, deprecations, now });
    expect(result.state).toBe(state);
    expect(result.resolved?.version ?? null).toBe(resolved);
    expect("latest" in result ? result.latest.version : null).toBe(latest);
  });

  it.each([
    [days(30), 30],
    [new Date(days(29).getTime() + 1), 30], // partial days round up
    [days(0), 0],
    [days(-5), 0], // overdue but not yet retired
  ])("days to sunset for %s is %s", (sunsetAt, expected) => {
    const result = subscriptionState({ range: "1.x", versions: [v("1.0.0")], deprecations: [{ targetRange: "1.x", sunsetAt }], now });
    expect(result.state === "DEPRECATED" && result.daysToSunset).toBe(expected);
  });

  it("reports the earliest sunset among covering notices", () => {
    const early = { targetRange: "1.x", sunsetAt: days(20) };
    const late = { targetRange: null, sunsetAt: days(200) };
    const result = subscriptionState({ range: "1.x", versions: [v("1.0.0")], deprecations: [late, early], now });
    expect(result.state === "DEPRECATED" && result.notice).toBe(early);
  });

  it("deprecationCovers throws on a malformed range", () => {
    expect(() => deprecationCovers({ targetRange: "not a range", sunsetAt: now }, "1.0.0")).toThrow(/not a valid range/);
  });
});
