import { describe, it, expect } from "vitest";
import { parsePin, normalizePin, defaultPin, satisfiesPin, ZPinRange } from "./pin";

describe("parsePin accepts the four forms and normalises them", () => {
  it.each([
    ["^2.1", "caret", "^2.1"],
    ["^2.1.0", "caret", "^2.1"],
    ["^2.1.3", "caret", "^2.1.3"],
    ["  ^2.1 ", "caret", "^2.1"],
    ["^0.1", "caret", "^0.1"],
    ["^0.0.0", "caret", "^0.0.0"], // not ^0.0: semver gives them different ranges
    ["^0.0.3", "caret", "^0.0.3"],
    ["~2.1.3", "tilde", "~2.1.3"],
    ["~2.1", "tilde", "~2.1.0"],
    ["2.1.4", "exact", "2.1.4"],
    ["0.0.1", "exact", "0.0.1"],
    ["2.x", "major", "2.x"],
    ["2.X", "major", "2.x"],
    ["2", "major", "2.x"],
    ["^2", "major", "2.x"],
    ["10.x", "major", "10.x"],
  ])("%s -> %s %s", (input, kind, range) => {
    const result = parsePin(input);
    expect(result).toEqual({ ok: true, pin: { kind, range, major: Number(range.match(/\d+/)![0]) } });
  });
});

describe("parsePin rejects everything else with a clear message", () => {
  it.each([
    ["", /required/],
    [">=2.0.0", /comparisons/],
    ["<3", /comparisons/],
    ["=2.1.4", /comparisons/],
    ["^2.1 || ^3.0", /alternatives/],
    ["*", /must name a major/],
    ["x", /must name a major/],
    ["2.*", /wildcards are written x/],
    ["1.0.0 - 2.0.0", /hyphen ranges/],
    ["2.1.0-beta.1", /pre-release/],
    ["^2.1.0+build", /pre-release/],
    ["2.1.x", /~2\.1\.0/],
    ["v2.1.4", /not a valid version pin/],
    ["02.1.4", /not a valid version pin/],
    ["~2", /not a valid version pin/],
    ["2.1", /not a valid version pin/],
    ["latest", /not a valid version pin/],
  ])("%j", (input, message) => {
    const result = parsePin(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe("helpers", () => {
  it.each([
    ["2.1.4", "^2.1"],
    ["0.3.0", "^0.3"],
    ["10.0.12", "^10.0"],
  ])("defaultPin(%s) = %s", (version, pin) => {
    expect(defaultPin(version)).toBe(pin);
  });
  it("defaultPin refuses a non-version", () => {
    expect(() => defaultPin("2.1")).toThrow(/not a semantic version/);
  });
  it("normalizePin throws the parse message", () => {
    expect(normalizePin("2.X")).toBe("2.x");
    expect(() => normalizePin(">=1")).toThrow(/comparisons/);
  });
  it.each([
    ["2.1.0", "^2.1", true],
    ["2.9.9", "^2.1", true],
    ["2.0.9", "^2.1", false],
    ["3.0.0", "^2.1", false],
    ["2.1.9", "~2.1.3", true],
    ["2.2.0", "~2.1.3", false],
    ["2.1.4", "2.1.4", true],
    ["2.1.5", "2.1.4", false],
    ["2.0.0", "2.x", true],
    ["3.0.0-rc.1", "2.x", false],
    ["nonsense", "2.x", false],
  ])("satisfiesPin(%s, %s) = %s", (version, pin, expected) => {
    expect(satisfiesPin(version, pin)).toBe(expected);
  });
  it("ZPinRange validates and normalises", () => {
    expect(ZPinRange.parse("~2.1")).toBe("~2.1.0");
    const bad = ZPinRange.safeParse("*");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/must name a major/);
  });
});
