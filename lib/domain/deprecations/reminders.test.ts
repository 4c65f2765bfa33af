import { describe, expect, it } from "vitest";
import { dueReminders, reminderKey } from "./reminders";
import { DAY_MS } from "./sunset-rule";

const a = new Date("2026-01-01T00:00:00Z");
const at = (days: number) => new Date(a.getTime() + days * DAY_MS);
const notice = { announcedAt: a, sunsetAt: at(90) };

describe("dueReminders (90-day notice)", () => {
  it.each([
    [-1, []],
    [0, ["announced"]],
    [59.9, ["announced"]],
    [60, ["announced", "30d"]],
    [82.9, ["announced", "30d"]],
    [83, ["announced", "7d"]],
    [88.5, ["announced", "7d"]],
    [89, ["announced", "1d"]],
    [90, ["announced", "sunset"]],
    [400, ["announced", "sunset"]],
  ] as const)("day %d -> %j", (day, expected) => {
    expect(dueReminders(notice, at(day))).toEqual(expected);
  });

  it("skips countdown stages that would fall before the announcement", () => {
    const short = { announcedAt: a, sunsetAt: at(20) };
    expect(dueReminders(short, at(0))).toEqual(["announced"]);
    expect(dueReminders(short, at(13))).toEqual(["announced", "7d"]);
    expect(dueReminders({ announcedAt: a, sunsetAt: at(0.5) }, at(0.1))).toEqual(["announced"]);
    expect(dueReminders({ announcedAt: a, sunsetAt: at(0.5) }, at(0.5))).toEqual(["announced", "sunset"]);
  });

  it("a clock jump from the announcement straight to day 83 owes only the 7-day reminder", () => {
    expect(dueReminders(notice, at(83)).filter((s) => s !== "announced")).toEqual(["7d"]);
  });
});

describe("reminderKey", () => {
  it("is stable per stage and notice, and changes when the sunset moves", () => {
    expect(reminderKey("7d", "n1", at(90))).toBe(reminderKey("7d", "n1", at(90)));
    expect(reminderKey("7d", "n1", at(90))).not.toBe(reminderKey("7d", "n1", at(120)));
    expect(reminderKey("announced", "n1", at(90))).toBe(reminderKey("announced", "n1", at(120)));
    expect(reminderKey("7d", "n1", at(90))).not.toBe(reminderKey("1d", "n1", at(90)));
  });
});
