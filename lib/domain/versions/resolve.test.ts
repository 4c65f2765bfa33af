import { describe, it, expect } from "vitest";
import fc from "fast-check";
import semver from "semver";
import { resolvePin, type VersionEntry, type VersionStatus } from "./resolve";
import { parsePin } from "./pin";

const v = (version: string, status: VersionStatus = "PUBLISHED"): VersionEntry => ({ version, status });
const catalog = [
  v("1.0.0"), v("1.4.2"), v("2.0.0"), v("2.1.0"), v("2.1.3"), v("2.1.4", "DEPRECATED"),
  v("2.2.0"), v("2.3.0", "RETIRED"), v("3.0.0"), v("not-a-version"),
];

describe("resolvePin", () => {
  it.each([
    ["^2.1", "2.2.0"], // 2.3.0 is retired
    ["~2.1.3", "2.1.4"], // deprecated still resolves
    ["~2.1.0", "2.1.4"],
    ["2.1.3", "2.1.3"],
    ["2.3.0", null], // retired exact pin
    ["2.x", "2.2.0"],
    ["1.x", "1.4.2"],
    ["^1.5", null],
    ["4.x", null],
    ["^3.0", "3.0.0"],
  ])("%s -> %s", (range, expected) => {
    expect(resolvePin(range, catalog)?.version ?? null).toBe(expected);
  });

  it("returns the caller's own entry", () => {
    const rows = [{ id: "a", version: "1.0.0", status: "PUBLISHED" as const }];
    expect(resolvePin("^1.0", rows)?.id).toBe("a");
  });

  it("throws on an invalid pin", () => {
    expect(() => resolvePin(">=1", catalog)).toThrow(/comparisons/);
  });
});

describe("resolvePin laws", () => {
  const versionArb = fc
    .tuple(fc.nat(4), fc.nat(4), fc.nat(4))
    .map(([a, b, c]) => `${a}.${b}.${c}`);
  const entryArb = fc.record({
    version: versionArb,
    status: fc.constantFrom<VersionStatus>("PUBLISHED", "DEPRECATED", "RETIRED"),
  });
  const pinArb = fc.oneof(
    versionArb.map((x) => `^${x}`),
    versionArb.map((x) => `^${x.split(".").slice(0, 2).join(".")}`),
    versionArb.map((x) => `~${x}`),
    versionArb,
    fc.nat(4).map((m) => `${m}.x`),
  );

  it("never resolves outside the range, never to a retired version, always to the max", () => {
    fc.assert(
      fc.property(pinArb, fc.array(entryArb, { maxLength: 15 }), (raw, versions) => {
        const parsed = parsePin(raw);
        if (!parsed.ok) throw new Error(parsed.message);
        const resolved = resolvePin(raw, versions);
        const eligible = versions.filter((e) => e.status !== "RETIRED" && semver.satisfies(e.version, parsed.pin.range));
        if (resolved === null) {
          expect(eligible).toEqual([]);
          return;
        }
        expect(semver.satisfies(resolved.version, parsed.pin.range)).toBe(true);
        expect(resolved.status).not.toBe("RETIRED");
        for (const e of eligible) expect(semver.lte(e.version, resolved.version)).toBe(true);
      }),
    );
  });

  it("a caret or major pin never resolves into another major", () => {
    fc.assert(
      fc.property(fc.nat(4), fc.nat(4), fc.array(entryArb), (major, minor, versions) => {
        for (const pin of [`^${major}.${minor}`, `${major}.x`]) {
          const resolved = resolvePin(pin, versions);
          if (resolved) expect(semver.major(resolved.version)).toBe(major);
        }
      }),
    );
  });
});
