// Orders a team's subscriptions by what needs attention first: broken, sunset soon (sooner
// first), new major available, pending approval, update available, current.

export type UrgencyInput = {
  status: string;
  state: "BROKEN" | "DEPRECATED" | "NEW_MAJOR_AVAILABLE" | "UPDATE_AVAILABLE" | "CURRENT";
  daysToSunset?: number | null;
};

export function urgencyRank(s: UrgencyInput): number {
  if (s.status === "BROKEN" || s.state === "BROKEN") return 0;
  if (s.state === "DEPRECATED") return 1 + Math.min(Math.max(s.daysToSunset ?? 0, 0), 9_999) / 10_000;
  if (s.state === "NEW_MAJOR_AVAILABLE") return 2;
  if (s.status === "PENDING") return 3;
  if (s.state === "UPDATE_AVAILABLE") return 4;
  return 5;
}

export function byUrgency<T extends UrgencyInput>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => urgencyRank(a) - urgencyRank(b));
}
