import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { checkVersionBump, declaredBump, previousVersionFor } from "./bump";
import type { Change, RequiredBump } from "../contracts/change";

const removed: Change = { path: "x", kind: "field.removed", class: "MAJOR", message: "Field `x` removed." };
const typeChanged: Change = { path: "y", kind: "field.type-changed", class: "MAJOR", message: "Field `y` type changed from date to timestamp." };
const added: Change = { path: "z", kind: "field.added-optional", class: "MINOR", message: "New optional field `z` (string)." };
const described: Change = { path: "z", kind: "field.description-changed", class: "PATCH", message: "Description of `z` changed." };
const diffOf = (...changes: Change[]) => {
  const rank = { NONE: 0, PATCH: 1, MINOR: 2, MAJOR: 3 } as const;
  const required = changes.reduce<RequiredBump>((m, c) => (rank[c.class] > rank[m] ? c.class : m), "NONE");
  return { changes, required };
};

describe("declaredBump", () => {
  it.each([
    ["2.1.0", "3.0.0", "MAJOR"],
    ["2.1.0", "2.2.0", "MINOR"],
    ["2.1.0", "2.1.1", "PATCH"],
    ["2.1.0", "2.3.0", "MINOR"], // skipped numbers are allowed
    ["2.1.3", "2.2.1", "MINOR"],
    ["2.1.0", "4.0.0", "MAJOR"],
    ["2.1.0", "2.1.0", null],
    ["2.1.0", "2.0.9", null],
    ["2.1.0", "1.9.0", null],
  ])("%s -> %s is %s", (prev, next, expected) => {
    expect(declaredBump(prev, next)).toBe(expected);
  });
});

describe("checkVersionBump", () => {
  it.each([
    ["major for a major diff", "2.1.0", "3.0.0", diffOf(removed), "MAJOR"],
    ["minor for a minor diff", "2.1.0", "2.2.0", diffOf(added, described), "MINOR"],
    ["patch for a patch diff", "2.1.0", "2.1.1", diffOf(described), "PATCH"],
    ["patch for no change", "2.1.0", "2.1.1", diffOf(), "PATCH"],
    ["bigger bump than needed", "2.1.0", "3.0.0", diffOf(described), "MAJOR"],
    ["skipped minor", "2.1.0", "2.3.0", diffOf(added), "MINOR"],
  ])("accepts %s", (_name, prev, next, diff, declared) => {
    expect(checkVersionBump(prev, next, diff)).toEqual({ ok: true, declared });
  });

  it("accepts any first version", () => {
    expect(checkVersionBump(null, "0.1.0", diffOf())).toEqual({ ok: true, declared: "INITIAL" });
  });

  it("refuses a bump smaller than the diff, listing every offending change", () => {
    const result = checkVersionBump("2.1.0", "2.2.0", diffOf(removed, added, typeChanged));
    expect(result).toEqual({
      ok: false,
      reason: "too-small",
      message: "Declared MINOR (2.1.0 -> 2.2.0) but the diff requires MAJOR: Field `x` removed; Field `y` type changed from date to timestamp",
      offending: [removed, typeChanged],
    });
  });

  it.each([
    ["2.1.0", "2.1.1", diffOf(added), "too-small", [added]],
    ["2.1.0", "2.1.1", diffOf(removed, added), "too-small", [removed, added]],
    ["2.1.0", "2.1.0", diffOf(), "not-increasing", []],
    ["2.1.0", "2.0.5", diffOf(described), "not-increasing", []],
    ["2.1.0", "2.2", diffOf(), "invalid-version", []],
    ["2.1.0", "v2.2.0", diffOf(), "invalid-version", []],
    ["2.1.0", "2.2.0-rc.1", diffOf(), "invalid-version", []],
  ])("refuses %s -> %s", (prev, next, diff, reason, offending) => {
    const result = checkVersionBump(prev, next, diff);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
      expect(result.offending).toEqual(offending);
    }
  });

  it("never accepts a bump smaller than the diff requires (law)", () => {
    const v = fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3)).map((p) => p.join("."));
    const change = fc.constantFrom(removed, added, described);
    fc.assert(
      fc.property(v, v, fc.array(change), (prev, next, changes) => {
        const diff = diffOf(...changes);
        const result = checkVersionBump(prev, next, diff);
        const declared = declaredBump(prev, next);
        const rank = { NONE: 0, PATCH: 1, MINOR: 2, MAJOR: 3 } as const;
        expect(result.ok).toBe(declared !== null && rank[declared] >= rank[diff.required]);
      }),
    );
  });
});

describe("previousVersionFor", () => {
  const existing = ["1.0.0", "1.4.0", "2.0.0", "2.1.0", "garbage"];
  it.each([
    ["2.2.0", "2.1.0"],
    ["1.4.1", "1.4.0"], // a backport is diffed against its own line
    ["2.0.5", "2.0.0"],
    ["0.9.0", null],
  ])("%s follows %s", (next, prev) => {
    expect(previousVersionFor(next, existing)).toBe(prev);
  });
});
