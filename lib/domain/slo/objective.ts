// SLO objectives (mirroring the Prisma enum) and when one measurement meets its threshold:
// FRESHNESS (max age, minutes) and LATE_ARRIVAL (window, minutes) are maxima; the percents are minima.
export const OBJECTIVES = ["FRESHNESS", "COMPLETENESS", "ACCURACY", "AVAILABILITY", "LATE_ARRIVAL"] as const;
export type Objective = (typeof OBJECTIVES)[number];

export function isUpperBound(objective: Objective): boolean {
  return objective === "FRESHNESS" || objective === "LATE_ARRIVAL";
}

/** Does `value` meet the objective? Boundaries count as met (age 60 meets "at most 60"). */
export function isMet(objective: Objective, threshold: number, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  return isUpperBound(objective) ? value <= threshold : value >= threshold;
}

const UNITS: Record<Objective, string> = {
  FRESHNESS: "minutes old",
  COMPLETENESS: "% complete",
  ACCURACY: "% of checks passing",
  AVAILABILITY: "% available",
  LATE_ARRIVAL: "minutes late",
};

export function formatObjectiveValue(objective: Objective, value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return UNITS[objective].startsWith("%") ? `${rounded}${UNITS[objective]}` : `${rounded} ${UNITS[objective]}`;
}
