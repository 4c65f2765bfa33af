// SLO status from posted measurements: current value (freshness ages with the clock), attainment over
// the rolling window, error budget and burn rate, and GREEN/AMBER/RED/UNKNOWN (rules in evaluateSlo).
import { formatObjectiveValue, isMet, type Objective } from "./objective";

export const SLO_STATUSES = ["GREEN", "AMBER", "RED", "UNKNOWN"] as const;
export type SloStatus = (typeof SLO_STATUSES)[number];

export type SloSpec = { objective: Objective; threshold: number; targetPercent: number; windowDays: number; cadenceMinutes: number };
export type Measurement = { value: number; observedAt: Date };

export type SloEvaluation = {
  status: SloStatus;
  reason: string;
  /** Latest value; for FRESHNESS the age now: value at observation + minutes since. */
  currentValue: number | null;
  currentMet: boolean | null;
  lastMeasuredAt: Date | null;
  /** Measurements in the window, and how many met the threshold. */
  sampleCount: number;
  metCount: number;
  /** Percent of measurements in the window that met the threshold. */
  attainment: number | null;
  /** Fraction (0..1) of the window's allowed misses not yet used. */
  budgetRemaining: number | null;
  /** Pace of budget use over the last day: 1 empties the budget exactly at the window's end. */
  burnRate: number | null;
};

export const SLO_STATUS_RULES = {
  /** UNKNOWN when the latest measurement is older than this many cadences. */
  staleAfterCadences: 2,
  /** AMBER when no more than this fraction of the budget is left. */
  lowBudgetFraction: 0.25,
  burnLookbackMinutes: 24 * 60,
} as const;

const MINUTE_MS = 60_000;

/**
 * The budget is (1 - target) of the window's measurements, counted as the larger of those received
 * and those the cadence promises, so a young SLO is not spent by its first miss.
 */
function budgetUse(misses: number, received: number, expected: number, allowedMissRate: number): number {
  const allowed = allowedMissRate * Math.max(received, expected);
  if (allowed === 0) return misses === 0 ? 0 : Number.POSITIVE_INFINITY;
  return misses / allowed;
}

/** What the status depends on: the latest measurement and four counts (SQL can compute them set-based). */
export type SloSummary = {
  latest: Measurement | null;
  /** In the window (observedAt in (now - windowDays, now]): measurements, and those that met. */
  sampleCount: number;
  metCount: number;
  /** In the burn lookback (the last day, at most the window): measurements, and those that missed. */
  recentCount: number;
  recentMisses: number;
};

export function burnLookbackMinutes(slo: Pick<SloSpec, "windowDays">): number {
  return Math.min(SLO_STATUS_RULES.burnLookbackMinutes, slo.windowDays * 24 * 60);
}

/** The summary of raw measurements as of `now` (measurements after `now` are ignored). */
export function summarizeMeasurements(slo: SloSpec, measurements: readonly Measurement[], now: Date): SloSummary {
  const nowMs = now.getTime();
  const past = measurements.filter((m) => m.observedAt.getTime() <= nowMs);
  const latest = past.reduce<Measurement | null>((a, m) => (a === null || m.observedAt > a.observedAt ? m : a), null);
  const windowStart = nowMs - slo.windowDays * 24 * 60 * MINUTE_MS;
  const inWindow = past.filter((m) => m.observedAt.getTime() > windowStart);
  const recent = inWindow.filter((m) => m.observedAt.getTime() > nowMs - burnLookbackMinutes(slo) * MINUTE_MS);
  return {
    latest,
    sampleCount: inWindow.length,
    metCount: inWindow.filter((m) => isMet(slo.objective, slo.threshold, m.value)).length,
    recentCount: recent.length,
    recentMisses: recent.filter((m) => !isMet(slo.objective, slo.threshold, m.value)).length,
  };
}

export function evaluateSlo(input: { slo: SloSpec; measurements: readonly Measurement[]; now: Date }): SloEvaluation {
  return evaluateSummary({ slo: input.slo, summary: summarizeMeasurements(input.slo, input.measurements, input.now), now: input.now });
}

/** Status from a summary (the status job reads summaries from SQL; evaluateSlo builds one from rows). */
export function evaluateSummary(input: { slo: SloSpec; summary: SloSummary; now: Date }): SloEvaluation {
  const { slo, now, summary } = input;
  const { latest, sampleCount, metCount } = summary;
  const nowMs = now.getTime();
  const allowedMissRate = 1 - slo.targetPercent / 100;
  const lookback = burnLookbackMinutes(slo);
  const burn = budgetUse(summary.recentMisses, summary.recentCount, lookback / slo.cadenceMinutes, allowedMissRate);
  const used = budgetUse(sampleCount - metCount, sampleCount, (slo.windowDays * 24 * 60) / slo.cadenceMinutes, allowedMissRate);

  const sinceLatest = latest ? (nowMs - latest.observedAt.getTime()) / MINUTE_MS : null;
  const currentValue = latest === null ? null : slo.objective === "FRESHNESS" ? latest.value + sinceLatest! : latest.value;
  const currentMet = currentValue === null ? null : isMet(slo.objective, slo.threshold, currentValue);
  const budgetRemaining = sampleCount === 0 ? null : Math.min(1, Math.max(0, 1 - used));
  const base = {
    currentValue,
    currentMet,
    lastMeasuredAt: latest?.observedAt ?? null,
    sampleCount,
    metCount,
    attainment: sampleCount === 0 ? null : (100 * metCount) / sampleCount,
    budgetRemaining,
    burnRate: summary.recentCount === 0 || !Number.isFinite(burn) ? null : burn,
  };
  return { ...base, ...decide(slo, base, sinceLatest, used) };
}

/**
 * UNKNOWN: no measurement within staleAfterCadences x cadence (silence is not health).
 * RED: budget spent, or FRESHNESS breached now (stale data hurts every reader now, and only worsens).
 * AMBER: budget at or under lowBudgetFraction, or the latest measurement misses (a breach within budget).
 * GREEN: otherwise.
 */
function decide(
  slo: SloSpec,
  e: Pick<SloEvaluation, "currentValue" | "currentMet" | "attainment" | "budgetRemaining">,
  sinceLatest: number | null,
  budgetUsed: number,
): { status: SloStatus; reason: string } {
  const limit = formatObjectiveValue(slo.objective, slo.threshold);
  if (sinceLatest === null) return { status: "UNKNOWN", reason: "No measurement yet" };
  if (sinceLatest > SLO_STATUS_RULES.staleAfterCadences * slo.cadenceMinutes) {
    return { status: "UNKNOWN", reason: `No measurement for ${Math.round(sinceLatest)} minutes (expected every ${slo.cadenceMinutes})` };
  }
  const current = formatObjectiveValue(slo.objective, e.currentValue!);
  if (budgetUsed >= 1) {
    return { status: "RED", reason: `Error budget spent: ${round(e.attainment!)}% of measurements met over ${slo.windowDays} days, target ${slo.targetPercent}%` };
  }
  if (slo.objective === "FRESHNESS" && !e.currentMet) {
    return { status: "RED", reason: `Data is ${current}; the promise is at most ${limit}` };
  }
  if (!e.currentMet) return { status: "AMBER", reason: `Latest measurement ${current} misses the objective (${limit}), within budget` };
  if (e.budgetRemaining! <= SLO_STATUS_RULES.lowBudgetFraction) {
    return { status: "AMBER", reason: `Error budget low: ${round(100 * e.budgetRemaining!)}% left` };
  }
  return { status: "GREEN", reason: `Met: ${current}; ${round(100 * e.budgetRemaining!)}% of the error budget left` };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
