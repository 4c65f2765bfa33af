// SLOs from each product's current contract SLA, and 30 days of measurements for each, shaped by
// slo-scenarios.ts. Pure: no database. Values are deterministic for a given "now".
import type { Sla } from "../../lib/domain/contracts/document";
import { MINUTE, DAY, type Clock } from "./clock";
import { rng } from "./rng";
import { isMet } from "../../lib/domain/slo/objective";
import { SCENARIOS, type Incident, type Objective, type Scenario } from "./slo-scenarios";

export const HISTORY_DAYS = 30;

export type Measurement = { value: number; met: boolean; observedAt: Date };

export type SloPlan = {
  product: string;
  objective: Objective;
  threshold: number;
  targetPercent: number;
  windowDays: number;
  cadenceMinutes: number;
  /** Oldest first. */
  measurements: Measurement[];
};

const PARTS: { part: keyof Sla; objective: Objective; key: string }[] = [
  { part: "freshness", objective: "FRESHNESS", key: "maxAgeMinutes" },
  { part: "completeness", objective: "COMPLETENESS", key: "minPercent" },
  { part: "accuracy", objective: "ACCURACY", key: "minPercent" },
  { part: "availability", objective: "AVAILABILITY", key: "minPercent" },
  { part: "lateArrival", objective: "LATE_ARRIVAL", key: "windowMinutes" },
];


const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

function goodValue(objective: Objective, threshold: number, at: Date, r: () => number): number {
  if (objective === "FRESHNESS") {
    if (threshold >= 1440) {
      // Daily batch loaded at 02:00 UTC: the age of the newest data is a sawtooth.
      const minuteOfDay = at.getUTCHours() * 60 + at.getUTCMinutes();
      return round(((minuteOfDay - 120 + 1440) % 1440) + 30 + 60 * r(), 1);
    }
    return round(threshold * (0.15 + 0.4 * r()), 1);
  }
  if (objective === "LATE_ARRIVAL") return round(threshold * (0.05 + 0.5 * r()), 1);
  if (threshold >= 100) return 100;
  return round(Math.min(100, threshold + (100 - threshold) * (0.3 + 0.7 * r())), 3);
}

function badValue(objective: Objective, threshold: number, r: () => number): number {
  if (objective === "FRESHNESS") return round(threshold + Math.max(5, threshold * 0.05) + threshold * 0.1 * r(), 1);
  if (objective === "LATE_ARRIVAL") return round(threshold * (1.1 + r()), 1);
  return round(Math.max(0, threshold - 0.2 - 1.5 * r()), 3);
}

function incidentAt(incidents: Incident[], minutesAgo: number): Incident | undefined {
  return incidents.find((i) => minutesAgo < i.fromMinutesAgo && minutesAgo >= i.toMinutesAgo);
}

function plan(product: string, objective: Objective, threshold: number, sla: { target: number; windowDays: number }, cadence: number, scenario: Scenario | undefined, clock: Clock): SloPlan {
  const r = rng(`${product}:${objective}`);
  const count = Math.floor((HISTORY_DAYS * DAY) / (cadence * MINUTE));
  const incidents = scenario?.incidents ?? [];
  // About a third of healthy objectives had one isolated miss, older than two days.
  const randomMisses = new Set<number>();
  if (!scenario) {
    const n = r() < 0.35 ? 1 : 0;
    const minK = Math.ceil((2 * DAY) / (cadence * MINUTE));
    for (let i = 0; i < n; i++) randomMisses.add(minK + Math.floor(r() * (count - minK)));
  }
  const measurements: Measurement[] = [];
  for (let k = count - 1; k >= 0; k--) {
    const minutesAgo = 2 + k * cadence;
    if (scenario?.silentForMinutes !== undefined && minutesAgo < scenario.silentForMinutes) continue;
    const observedAt = clock.minutesAgo(minutesAgo);
    const incident = incidentAt(incidents, minutesAgo);
    let value: number;
    if (incident?.shape === "stall" && objective === "FRESHNESS") {
      value = round(threshold * 0.3 + (incident.fromMinutesAgo - minutesAgo), 1);
    } else if (incident || randomMisses.has(k)) {
      value = badValue(objective, threshold, r);
    } else {
      value = goodValue(objective, threshold, observedAt, r);
    }
    measurements.push({ value, met: isMet(objective, threshold, value), observedAt });
  }
  return { product, objective, threshold, targetPercent: sla.target, windowDays: sla.windowDays, cadenceMinutes: cadence, measurements };
}

/** One plan per objective of the product's current SLA. */
export function planSlos(product: string, sla: Sla, streaming: boolean, clock: Clock): SloPlan[] {
  const plans: SloPlan[] = [];
  for (const { part, objective, key } of PARTS) {
    const promise = sla[part] as (Record<string, number> & { target: number; windowDays: number }) | undefined;
    if (!promise) continue;
    const scenario = SCENARIOS.find((s) => s.product === product && (s.objective === undefined || s.objective === objective));
    const cadence = streaming && objective === "FRESHNESS" ? 15 : 60;
    plans.push(plan(product, objective, promise[key]!, promise, cadence, scenario, clock));
  }
  return plans;
}
