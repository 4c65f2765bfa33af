// The SLOs a contract's SLA promises: one objective per promise. FRESHNESS and LATE_ARRIVAL
// thresholds are minutes (maxima), the others percents (minima); target and window come along.
import type { Sla, SlaPart } from "../contracts/document";
import type { Objective } from "./objective";

export type SloSpec = { objective: Objective; threshold: number; targetPercent: number; windowDays: number };

const PARTS: { part: SlaPart; objective: Objective; key: string }[] = [
  { part: "freshness", objective: "FRESHNESS", key: "maxAgeMinutes" },
  { part: "completeness", objective: "COMPLETENESS", key: "minPercent" },
  { part: "accuracy", objective: "ACCURACY", key: "minPercent" },
  { part: "availability", objective: "AVAILABILITY", key: "minPercent" },
  { part: "lateArrival", objective: "LATE_ARRIVAL", key: "windowMinutes" },
];

export function slosFromSla(sla: Sla): SloSpec[] {
  return PARTS.flatMap(({ part, objective, key }) => {
    const promise = sla[part] as (Record<string, number> & { target: number; windowDays: number }) | undefined;
    return promise ? [{ objective, threshold: promise[key]!, targetPercent: promise.target, windowDays: promise.windowDays }] : [];
  });
}
