import { describe, it, expect } from "vitest";
import { isMet, formatObjectiveValue, type Objective } from "./objective";

describe("isMet", () => {
  it.each<[Objective, number, number, boolean]>([
    ["FRESHNESS", 60, 59, true],
    ["FRESHNESS", 60, 60, true],
    ["FRESHNESS", 60, 61, false],
    ["LATE_ARRIVAL", 120, 120, true],
    ["LATE_ARRIVAL", 120, 121, false],
    ["COMPLETENESS", 99.5, 99.5, true],
    ["COMPLETENESS", 99.5, 99.49, false],
    ["ACCURACY", 99, 100, true],
    ["ACCURACY", 99, 98, false],
    ["AVAILABILITY", 99.9, 99.95, true],
    ["AVAILABILITY", 99.9, 99.8, false],
    ["COMPLETENESS", 99, Number.NaN, false],
    ["FRESHNESS", 60, Number.POSITIVE_INFINITY, false],
  ])("%s threshold %s value %s -> %s", (objective, threshold, value, expected) => {
    expect(isMet(objective, threshold, value)).toBe(expected);
  });

  it.each<[Objective, number, string]>([
    ["FRESHNESS", 75.456, "75.46 minutes old"],
    ["COMPLETENESS", 99.5, "99.5% complete"],
    ["LATE_ARRIVAL", 3, "3 minutes late"],
  ])("formats %s %s", (objective, value, text) => {
    expect(formatObjectiveValue(objective, value)).toBe(text);
  });
});
