// SLA promises <-> ODCS `slaProperties`. latency is freshness; completeness, accuracy, availability
// and lateArrival keep their names. Objective targets (99% over 28 days...) travel in the top-level
// custom property `sloTargets`, keyed by the ODCS property name.
import type { SlaPart } from "../contracts/document";
import type { Path } from "../contracts/yaml";
import { NoteBook, isObj, preview, type Obj } from "./notes";

export const ODCS_SLA_NAME: Record<SlaPart, string> = {
  freshness: "latency",
  completeness: "completeness",
  accuracy: "accuracy",
  availability: "availability",
  lateArrival: "lateArrival",
};
const PART_OF: Record<string, SlaPart> = {
  latency: "freshness",
  freshness: "freshness",
  completeness: "completeness",
  accuracy: "accuracy",
  availability: "availability",
  uptime: "availability",
  latearrival: "lateArrival",
  late_arrival: "lateArrival",
};
const MEASURE: Record<SlaPart, { key: string; kind: "duration" | "percent"; label: string }> = {
  freshness: { key: "maxAgeMinutes", kind: "duration", label: "freshness" },
  lateArrival: { key: "windowMinutes", kind: "duration", label: "late-arrival" },
  completeness: { key: "minPercent", kind: "percent", label: "completeness" },
  accuracy: { key: "minPercent", kind: "percent", label: "accuracy" },
  availability: { key: "minPercent", kind: "percent", label: "availability" },
};
const MINUTES: [RegExp, number][] = [
  [/^(s|sec|secs|second|seconds)$/, 1 / 60],
  [/^(m|min|mins|minute|minutes)$/, 1],
  [/^(h|hr|hrs|hour|hours)$/, 60],
  [/^(d|day|days)$/, 1440],
  [/^(w|wk|week|weeks)$/, 10080],
];

const num = (v: unknown): number | null => {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};

function measure(kind: "duration" | "percent", value: number, unit: unknown): number | null {
  const u = typeof unit === "string" ? unit.trim().toLowerCase() : undefined;
  if (kind === "percent") return u === undefined || u === "%" || u === "percent" || u === "pct" ? value : null;
  const factor = u === undefined ? undefined : MINUTES.find(([re]) => re.test(u))?.[1];
  return factor === undefined ? null : value * factor;
}

/** A duration in minutes as the largest exact unit: 1440 -> 1 d, 90 -> 90 min. */
export function durationOf(minutes: number): { value: number; unit: string } {
  if (minutes !== 0 && minutes % 1440 === 0) return { value: minutes / 1440, unit: "d" };
  if (minutes !== 0 && minutes % 60 === 0) return { value: minutes / 60, unit: "h" };
  return { value: minutes, unit: "min" };
}

export function mapSla(list: unknown, targets: Obj | undefined, book: NoteBook, origins: Map<string, Path>): Obj {
  const sla: Record<string, Obj> = {};
  if (!Array.isArray(list)) return sla;
  list.forEach((item, i) => {
    if (!isObj(item)) return;
    const where = `slaProperties[${i}]`;
    const name = String(item.property);
    const part = PART_OF[name.toLowerCase()];
    const shown = `${preview(item.value)}${typeof item.unit === "string" ? ` ${item.unit}` : ""}`;
    if (!part) return book.add(where, "not-mapped", `SLA property "${name}" (${shown}) has no Tessera objective: not kept.`);
    const m = MEASURE[part];
    if (sla[part]) return book.add(where, "not-mapped", `A second "${name}" promise (${shown}) is not kept: a contract has one ${m.label} objective (the first).`);
    const value = num(item.value);
    const converted = value === null ? null : measure(m.kind, value, item.unit);
    if (converted === null) {
      const why = value === null ? "its value is not a number" : m.kind === "duration" ? "its unit is not a duration (s, min, h, d, w)" : "its unit is not a percent";
      return book.add(where, "not-mapped", `SLA property "${name}" (${shown}) is not kept: ${why}.`);
    }
    const target = isObj(targets?.[ODCS_SLA_NAME[part]]) ? (targets![ODCS_SLA_NAME[part]] as Obj) : undefined;
    sla[part] = {
      [m.key]: converted,
      ...(num(target?.target) !== null ? { target: num(target!.target) } : {}),
      ...(num(target?.windowDays) !== null ? { windowDays: num(target!.windowDays) } : {}),
    };
    if (!target) book.add(where, "defaulted", `No objective target for ${name}: 99% of measurements over 28 days (the default).`);
    origins.set(`sla.${part}`, ["slaProperties", i]);
    book.rest(item, where, ["property", "value", "unit"]);
  });
  for (const key of Object.keys(targets ?? {})) {
    const part = PART_OF[key.toLowerCase()];
    if (!part || !sla[part]) book.add("customProperties", "not-mapped", `sloTargets.${key} has no matching SLA property: not kept.`);
  }
  return sla;
}

/** Native SLA -> ODCS slaProperties + the sloTargets custom property value. */
export function exportSla(sla: Record<string, Record<string, number> | undefined>): { properties: Obj[]; targets: Obj } {
  const properties: Obj[] = [];
  const targets: Obj = {};
  for (const part of Object.keys(ODCS_SLA_NAME) as SlaPart[]) {
    const promise = sla[part];
    if (!promise) continue;
    const m = MEASURE[part];
    const value = promise[m.key]!;
    const name = ODCS_SLA_NAME[part];
    properties.push(m.kind === "duration" ? { property: name, ...durationOf(value) } : { property: name, value, unit: "percent" });
    targets[name] = { target: promise.target, windowDays: promise.windowDays };
  }
  return { properties, targets };
}
