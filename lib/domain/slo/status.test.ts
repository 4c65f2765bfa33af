import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { evaluateSlo, type Measurement, type SloSpec } from "./status";

const now = new Date("2025-06-01T12:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const m = (value: number, minutesAgo: number): Measurement => ({ value, observedAt: ago(minutesAgo) });
/** Hourly measurements over the last `hours` hours (newest `offset` minutes ago); `miss(i)` marks misses, i=0 newest. */
function hourly(hours: number, good: number, bad: number, miss: (i: number) => boolean = () => false, offset = 10): Measurement[] {
  return Array.from({ length: hours }, (_, i) => m(miss(i) ? bad : good, offset + i * 60));
}

const freshness: SloSpec = { objective: "FRESHNESS", threshold: 60, targetPercent: 99, windowDays: 28, cadenceMinutes: 60 };
const completeness: SloSpec = { ...freshness, objective: "COMPLETENESS", threshold: 99.5 };
const late: SloSpec = { ...freshness, objective: "LATE_ARRIVAL", threshold: 120 };
const WINDOW_HOURS = 28 * 24; // 672 expected measurements: 6.72 misses allowed at 99%
const missesAt = (...idx: number[]) => (i: number) => idx.includes(i);

describe("evaluateSlo status", () => {
  type Row = [string, SloSpec, Measurement[], string, RegExp];
  const rows: Row[] = [
    ["no measurement at all", freshness, [], "UNKNOWN", /No measurement yet/],
    ["silent for more than 2 cadences", completeness, [m(100, 121)], "UNKNOWN", /No measurement for 121 minutes/],
    ["silent for exactly 2 cadences is still known", completeness, [m(100, 120)], "GREEN", /Met/],
    ["fresh data, full budget", freshness, hourly(WINDOW_HOURS, 5, 500), "GREEN", /Met: 15 minutes old; 100% of the error budget left/],
    ["freshness exactly at the limit", freshness, [m(30, 30)], "GREEN", /60 minutes old/],
    ["freshness goes stale with the clock alone", freshness, [m(10, 100)], "RED", /Data is 110 minutes old; the promise is at most 60 minutes old/],
    ["3 misses: budget healthy", freshness, hourly(WINDOW_HOURS, 5, 500, missesAt(5, 50, 300)), "GREEN", /55.4% of the error budget left/],
    ["6 misses: budget low", freshness, hourly(WINDOW_HOURS, 5, 500, missesAt(1, 2, 3, 4, 5, 6)), "AMBER", /Error budget low: 10.7% left/],
    ["7 misses: budget spent", freshness, hourly(WINDOW_HOURS, 5, 500, missesAt(1, 2, 3, 4, 5, 6, 7)), "RED", /Error budget spent: 99% of measurements met over 28 days, target 99%/],
    ["completeness miss within budget", completeness, hourly(WINDOW_HOURS, 100, 98, missesAt(0)), "AMBER", /Latest measurement 98% complete misses the objective \(99.5% complete\), within budget/],
    ["completeness miss with budget spent", completeness, hourly(WINDOW_HOURS, 100, 98, (i) => i < 8), "RED", /budget spent/],
    ["late arrivals over the window", late, [m(150, 5)], "AMBER", /150 minutes late misses/],
    ["misses older than the window do not count", completeness, [...hourly(24, 100, 0), ...Array.from({ length: 10 }, (_, i) => m(0, 29 * 24 * 60 + i))], "GREEN", /100% of the error budget left/],
    ["measurements after now are ignored", completeness, [m(100, 10), m(0, -5)], "GREEN", /Met/],
    ["a young SLO is not spent by one miss", completeness, [m(90, 70), m(100, 10)], "GREEN", /85.1% of the error budget left/],
    ["target 100%: any miss spends the budget", { ...completeness, targetPercent: 100 }, [m(90, 70), m(100, 10)], "RED", /budget spent/],
    ["target 100% with no miss", { ...completeness, targetPercent: 100 }, [m(100, 10)], "GREEN", /100% of the error budget left/],
  ];
  it.each(rows)("%s", (_name, slo, measurements, status, reason) => {
    const result = evaluateSlo({ slo, measurements, now });
    expect(result.status).toBe(status);
    expect(result.reason).toMatch(reason);
  });
});

describe("evaluateSlo numbers", () => {
  it("reports nothing without measurements", () => {
    expect(evaluateSlo({ slo: freshness, measurements: [], now })).toEqual({
      status: "UNKNOWN", reason: "No measurement yet", currentValue: null, currentMet: null, lastMeasuredAt: null,
      sampleCount: 0, metCount: 0, attainment: null, budgetRemaining: null, burnRate: null,
    });
  });

  it("computes attainment, budget and burn rate over a 28-day hourly series", () => {
    const result = evaluateSlo({ slo: freshness, measurements: hourly(WINDOW_HOURS, 5, 500, missesAt(1, 2, 400)), now });
    expect(result.sampleCount).toBe(672);
    expect(result.metCount).toBe(669);
    expect(result.attainment).toBeCloseTo((100 * 669) / 672, 10);
    expect(result.budgetRemaining).toBeCloseTo(1 - 3 / 6.72, 10);
    expect(result.burnRate).toBeCloseTo(2 / 0.24, 10); // 2 misses in the last day, 0.24 allowed per day
    expect(result.currentValue).toBe(15);
    expect(result.lastMeasuredAt).toEqual(ago(10));
  });

  it("uses the latest measurement, whatever the input order", () => {
    const result = evaluateSlo({ slo: completeness, measurements: [m(99.9, 10), m(50, 70)].reverse(), now });
    expect(result.currentValue).toBe(99.9);
  });

  it("has no burn rate when nothing was measured in the last day", () => {
    expect(evaluateSlo({ slo: completeness, measurements: [m(100, 25 * 60)], now }).burnRate).toBeNull();
  });
});

describe("evaluateSlo laws", () => {
  const measurementArb = fc.record({
    value: fc.double({ min: 0, max: 200, noNaN: true }),
    observedAt: fc.integer({ min: -60, max: 40 * 24 * 60 }).map(ago),
  });
  const specArb = fc.record({
    objective: fc.constantFrom("FRESHNESS", "COMPLETENESS", "ACCURACY", "AVAILABILITY", "LATE_ARRIVAL") as fc.Arbitrary<SloSpec["objective"]>,
    threshold: fc.constantFrom(30, 60, 99, 99.5),
    targetPercent: fc.constantFrom(90, 99, 99.9, 100),
    windowDays: fc.constantFrom(1, 7, 28),
    cadenceMinutes: fc.constantFrom(15, 60, 1440),
  });
  const series = fc.array(measurementArb, { maxLength: 60 });

  it("keeps attainment in 0..100 and the budget in 0..1", () => {
    fc.assert(
      fc.property(specArb, series, (slo, measurements) => {
        const r = evaluateSlo({ slo, measurements, now });
        if (r.attainment !== null) expect(r.attainment).toBeGreaterThanOrEqual(0), expect(r.attainment).toBeLessThanOrEqual(100);
        if (r.budgetRemaining !== null) expect(r.budgetRemaining).toBeGreaterThanOrEqual(0), expect(r.budgetRemaining).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("is UNKNOWN exactly when nothing was measured within two cadences", () => {
    fc.assert(
      fc.property(specArb, series, (slo, measurements) => {
        const recent = measurements.some((x) => x.observedAt <= now && now.getTime() - x.observedAt.getTime() <= 2 * slo.cadenceMinutes * 60_000);
        expect(evaluateSlo({ slo, measurements, now }).status === "UNKNOWN").toBe(!recent);
      }),
    );
  });

  it("freshness only gets staler as the clock moves, with no new measurement", () => {
    fc.assert(
      fc.property(specArb, series, fc.integer({ min: 0, max: 600 }), (spec, all, minutes) => {
        const slo = { ...spec, objective: "FRESHNESS" as const };
        const measurements = all.filter((x) => x.observedAt <= now); // none arrives later
        const later = new Date(now.getTime() + minutes * 60_000);
        const a = evaluateSlo({ slo, measurements, now });
        const b = evaluateSlo({ slo, measurements, now: later });
        if (a.currentValue === null) return;
        expect(b.currentValue).toBeCloseTo(a.currentValue + minutes, 6);
        if (a.currentMet === false) expect(b.currentMet).toBe(false);
      }),
    );
  });

  it("one more miss never grows the budget; one more success never shrinks it", () => {
    fc.assert(
      fc.property(specArb, series, (spec, measurements) => {
        const slo = { ...spec, objective: "COMPLETENESS" as const };
        const before = evaluateSlo({ slo, measurements, now }).budgetRemaining ?? 1;
        const withMiss = evaluateSlo({ slo, measurements: [...measurements, m(slo.threshold - 1, 1)], now }).budgetRemaining!;
        const withMet = evaluateSlo({ slo, measurements: [...measurements, m(slo.threshold + 1, 1)], now }).budgetRemaining!;
        expect(withMiss).toBeLessThanOrEqual(before);
        expect(withMet).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});
