import { describe, it, expect } from "vitest";
import { slosFromSla } from "./from-sla";

describe("slosFromSla", () => {
  it("maps every promise to its objective, threshold, target and window", () => {
    expect(
      slosFromSla({
        freshness: { maxAgeMinutes: 60, target: 99, windowDays: 28 },
        completeness: { minPercent: 99.5, target: 95, windowDays: 7 },
        accuracy: { minPercent: 98, target: 99, windowDays: 28 },
        availability: { minPercent: 99.9, target: 99.5, windowDays: 30 },
        lateArrival: { windowMinutes: 120, target: 99, windowDays: 28 },
      }),
    ).toEqual([
      { objective: "FRESHNESS", threshold: 60, targetPercent: 99, windowDays: 28 },
      { objective: "COMPLETENESS", threshold: 99.5, targetPercent: 95, windowDays: 7 },
      { objective: "ACCURACY", threshold: 98, targetPercent: 99, windowDays: 28 },
      { objective: "AVAILABILITY", threshold: 99.9, targetPercent: 99.5, windowDays: 30 },
      { objective: "LATE_ARRIVAL", threshold: 120, targetPercent: 99, windowDays: 28 },
    ]);
  });
  it("gives nothing for a best-effort contract", () => {
    expect(slosFromSla({})).toEqual([]);
  });
});
