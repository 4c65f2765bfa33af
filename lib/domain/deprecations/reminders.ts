// Which notifications a notice owes at `now`: the announcement, then a countdown (30, 7 and 1
// days before the sunset) and the sunset itself. Only the latest countdown stage that has passed
// is due: a stage skipped while the runner was down (or the clock jumped) is superseded, never
// sent late with a wrong number of days. Stages that would fall before the announcement are skipped.
import { DAY_MS } from "./sunset-rule";

export const REMINDER_STAGES = ["announced", "30d", "7d", "1d", "sunset"] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];

const COUNTDOWN: { stage: ReminderStage; days: number }[] = [
  { stage: "sunset", days: 0 },
  { stage: "1d", days: 1 },
  { stage: "7d", days: 7 },
  { stage: "30d", days: 30 },
];

export function dueReminders(n: { announcedAt: Date; sunsetAt: Date }, now: Date): ReminderStage[] {
  if (now.getTime() < n.announcedAt.getTime()) return [];
  const out: ReminderStage[] = ["announced"];
  for (const c of COUNTDOWN) {
    const at = n.sunsetAt.getTime() - c.days * DAY_MS;
    if (now.getTime() < at) continue;
    if (c.days > 0 && at <= n.announcedAt.getTime()) break;
    out.push(c.stage);
    break;
  }
  return out;
}

/** Dedupe key of a stage: once per user (notifications) and per webhook (deliveries). */
export function reminderKey(stage: ReminderStage, noticeId: string, sunsetAt: Date): string {
  // The sunset day is part of the key: extending the sunset restarts the countdown.
  return stage === "announced" ? `deprecation.announced:${noticeId}` : `deprecation.reminder:${stage}:${noticeId}:${sunsetAt.toISOString().slice(0, 10)}`;
}

export function reminderTitle(stage: ReminderStage, what: string, sunsetAt: Date): string {
  const day = sunsetAt.toISOString().slice(0, 10);
  switch (stage) {
    case "announced":
      return `${what} will be retired on ${day}`;
    case "30d":
      return `30 days left: ${what} is retired on ${day}`;
    case "7d":
      return `7 days left: ${what} is retired on ${day}`;
    case "1d":
      return `Tomorrow: ${what} is retired on ${day}`;
    case "sunset":
      return `${what} is retired as of ${day}`;
  }
}
