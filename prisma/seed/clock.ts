// Every seeded date is relative to one "now" (SEED_NOW=ISO for reproducible tests).
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function parseSeedNow(value: string | undefined): Date {
  if (!value) return new Date();
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Error(`SEED_NOW must be an ISO date, got "${value}"`);
  return d;
}

export type Clock = {
  now: Date;
  daysAgo(days: number): Date;
  daysFromNow(days: number): Date;
  minutesAgo(minutes: number): Date;
};

export function makeClock(now: Date): Clock {
  const t = now.getTime();
  return {
    now,
    daysAgo: (d) => new Date(t - d * DAY),
    daysFromNow: (d) => new Date(t + d * DAY),
    minutesAgo: (m) => new Date(t - m * MINUTE),
  };
}
