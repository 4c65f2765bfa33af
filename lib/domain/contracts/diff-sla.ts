// SLA part of the diff: each promise weakened or removed is MAJOR, strengthened or added is MINOR.
// A longer windowDays is weaker: the same target over a longer window hides a longer outage.
import type { Change } from "./change";
import type { Sla, SlaPart } from "./document";

type Direction = "lower-is-stronger" | "higher-is-stronger";
type Measure = { key: string; direction: Direction; describe: (v: number) => string };

const target: Measure = { key: "target", direction: "higher-is-stronger", describe: (v) => `met ${v}% of the time` };
const windowDays: Measure = { key: "windowDays", direction: "lower-is-stronger", describe: (v) => `over ${v} days` };
const minPercent = (what: string): Measure => ({ key: "minPercent", direction: "higher-is-stronger", describe: (v) => `at least ${v}% ${what}` });

const PARTS: Record<SlaPart, { label: string; measures: Measure[] }> = {
  freshness: { label: "Freshness", measures: [{ key: "maxAgeMinutes", direction: "lower-is-stronger", describe: (v) => `data at most ${v} minutes old` }, target, windowDays] },
  completeness: { label: "Completeness", measures: [minPercent("of expected records"), target, windowDays] },
  accuracy: { label: "Accuracy", measures: [minPercent("of checks passing"), target, windowDays] },
  availability: { label: "Availability", measures: [minPercent("available"), target, windowDays] },
  lateArrival: { label: "Late arrival", measures: [{ key: "windowMinutes", direction: "lower-is-stronger", describe: (v) => `late records within ${v} minutes` }, target, windowDays] },
};

export const SLA_PARTS = Object.keys(PARTS) as SlaPart[];

function summary(part: SlaPart, values: Record<string, number>): string {
  return PARTS[part].measures.map((m) => m.describe(values[m.key]!)).join(", ");
}

export function diffSla(old: Sla, next: Sla): Change[] {
  const changes: Change[] = [];
  for (const part of SLA_PARTS) {
    const [a, b] = [old[part] as Record<string, number> | undefined, next[part] as Record<string, number> | undefined];
    const { label, measures } = PARTS[part];
    const path = `sla.${part}`;
    if (a && !b) changes.push({ path, kind: "sla.removed", class: "MAJOR", message: `${label} promise removed (was ${summary(part, a)}).` });
    if (!a && b) changes.push({ path, kind: "sla.added", class: "MINOR", message: `${label} promise added: ${summary(part, b)}.` });
    if (!a || !b) continue;
    for (const m of measures) {
      const [x, y] = [a[m.key]!, b[m.key]!];
      if (x === y) continue;
      const stronger = m.direction === "lower-is-stronger" ? y < x : y > x;
      changes.push({
        path: `${path}.${m.key}`,
        kind: stronger ? "sla.strengthened" : "sla.weakened",
        class: stronger ? "MINOR" : "MAJOR",
        message: `${label} promise ${stronger ? "strengthened" : "weakened"}: ${m.describe(x)} -> ${m.describe(y)}.`,
      });
    }
  }
  return changes;
}
