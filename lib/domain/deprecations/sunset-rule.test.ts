import { describe, expect, it } from "vitest";
import { checkSunset, checkSunsetChange, daysLeft, DAY_MS } from "./sunset-rule";

const t0 = new Date("2026-01-01T00:00:00Z");
const plus = (days: number) => new Date(t0.getTime() + days * DAY_MS);

describe("checkSunset", () => {
  it.each([
    { days: 90, subs: 1, override: null, ok: true, overridden: false },
    { days: 89, subs: 1, override: null, ok: false },
    { days: 30, subs: 3, override: null, ok: false },
    { days: 30, subs: 3, override: "security incident", ok: true, overridden: true },
    { days: 30, subs: 3, override: "   ", ok: false },
    { days: 1, subs: 0, override: null, ok: true, overridden: false },
    { days: 0, subs: 0, override: null, ok: false },
    { days: -5, subs: 0, override: "x", ok: false },
  ])("sunset +$days days with $subs subscribers, override $override -> ok=$ok", ({ days, subs, override, ok, overridden }) => {
    const r = checkSunset({ announcedAt: t0, sunsetAt: plus(days), minDays: 90, affectedSubscriptions: subs, overrideReason: override });
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.overridden).toBe(overridden);
    else expect(r.violations[0]!.path).toBe("sunsetAt");
  });

  it("names the earliest allowed day in the refusal", () => {
    const r = checkSunset({ announcedAt: t0, sunsetAt: plus(30), minDays: 90, affectedSubscriptions: 2, overrideReason: null });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.violations[0]!.message).toContain("2026-04-01");
  });
});

describe("checkSunsetChange", () => {
  const base = { announcedAt: t0, minDays: 90, affectedSubscriptions: 1, currentSunset: plus(120), now: plus(10) };
  it.each([
    { to: 200, ok: true, why: "extending is always allowed" },
    { to: 95, ok: true, why: "shortening within the rule" },
    { to: 60, ok: false, why: "shortening below the minimum" },
    { to: 5, ok: false, why: "a sunset in the past" },
  ])("$why", ({ to, ok }) => {
    expect(checkSunsetChange({ ...base, newSunset: plus(to) }).ok).toBe(ok);
  });
  it("shortening without subscribers only needs a future date", () => {
    expect(checkSunsetChange({ ...base, affectedSubscriptions: 0, newSunset: plus(11) }).ok).toBe(true);
  });
});

describe("daysLeft", () => {
  it.each([
    [plus(90), t0, 90],
    [plus(7), plus(0.5), 7],
    [t0, plus(3), 0],
  ])("%s from %s is %d", (sunset, now, n) => expect(daysLeft(sunset, now)).toBe(n));
});
