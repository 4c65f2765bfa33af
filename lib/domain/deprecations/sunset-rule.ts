// The minimum deprecation window: while any active subscription resolves into the target, the
// sunset is at least `minDays` after the announcement, unless an admin overrides with a reason.
export const DAY_MS = 86_400_000;

export interface SunsetViolation {
  rule: string;
  message: string;
  path: string;
}

export interface SunsetRuleInput {
  announcedAt: Date;
  sunsetAt: Date;
  minDays: number;
  /** Active subscriptions resolving into the target range. */
  affectedSubscriptions: number;
  /** An admin's recorded reason to go below the minimum (already authorized by the caller). */
  overrideReason?: string | null;
}

export type SunsetRuleResult = { ok: true; overridden: boolean; earliest: Date } | { ok: false; violations: SunsetViolation[] };

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The earliest sunset the rule allows for an announcement. */
export function earliestSunset(announcedAt: Date, minDays: number, affectedSubscriptions: number): Date {
  return affectedSubscriptions > 0 ? new Date(announcedAt.getTime() + minDays * DAY_MS) : announcedAt;
}

export function checkSunset(i: SunsetRuleInput): SunsetRuleResult {
  const earliest = earliestSunset(i.announcedAt, i.minDays, i.affectedSubscriptions);
  if (i.sunsetAt.getTime() <= i.announcedAt.getTime()) {
    return { ok: false, violations: [{ rule: "deprecation.sunset-after-announcement", path: "sunsetAt", message: `The sunset (${iso(i.sunsetAt)}) must be after the announcement (${iso(i.announcedAt)}).` }] };
  }
  if (i.sunsetAt.getTime() >= earliest.getTime()) return { ok: true, overridden: false, earliest };
  if (i.overrideReason && i.overrideReason.trim().length > 0) return { ok: true, overridden: true, earliest };
  return {
    ok: false,
    violations: [
      {
        rule: "deprecation.min-window",
        path: "sunsetAt",
        message: `${i.affectedSubscriptions} active subscription${i.affectedSubscriptions === 1 ? "" : "s"} resolve${i.affectedSubscriptions === 1 ? "s" : ""} into this range: the sunset must be at least ${i.minDays} days after the announcement, on or after ${iso(earliest)} (a platform admin may override with a reason).`,
      },
    ],
  };
}

export interface SunsetChangeInput extends Omit<SunsetRuleInput, "sunsetAt"> {
  currentSunset: Date;
  newSunset: Date;
  now: Date;
}

/** Extending is always allowed; shortening only within the rule, and never into the past. */
export function checkSunsetChange(i: SunsetChangeInput): SunsetRuleResult {
  if (i.newSunset.getTime() >= i.currentSunset.getTime()) return { ok: true, overridden: false, earliest: i.currentSunset };
  if (i.newSunset.getTime() <= i.now.getTime()) {
    return { ok: false, violations: [{ rule: "deprecation.sunset-in-future", path: "sunsetAt", message: `The new sunset (${iso(i.newSunset)}) must be in the future.` }] };
  }
  return checkSunset({ ...i, sunsetAt: i.newSunset });
}

/** Whole days from `now` to `sunsetAt`, never negative (a started day counts). */
export function daysLeft(sunsetAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((sunsetAt.getTime() - now.getTime()) / DAY_MS));
}
