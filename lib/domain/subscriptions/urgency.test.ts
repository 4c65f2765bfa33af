import { describe, it, expect } from "vitest";
import { byUrgency, type UrgencyInput } from "./urgency";

describe("byUrgency", () => {
  it("puts broken first, then the soonest sunset, then new majors, pending, updates, current", () => {
    const items: (UrgencyInput & { id: string })[] = [
      { id: "current", status: "ACTIVE", state: "CURRENT" },
      { id: "update", status: "ACTIVE", state: "UPDATE_AVAILABLE" },
      { id: "sunset-60", status: "ACTIVE", state: "DEPRECATED", daysToSunset: 60 },
      { id: "pending", status: "PENDING", state: "CURRENT" },
      { id: "major", status: "ACTIVE", state: "NEW_MAJOR_AVAILABLE" },
      { id: "sunset-7", status: "ACTIVE", state: "DEPRECATED", daysToSunset: 7 },
      { id: "broken", status: "BROKEN", state: "BROKEN" },
    ];
    expect(byUrgency(items).map((i) => i.id)).toEqual(["broken", "sunset-7", "sunset-60", "major", "pending", "update", "current"]);
  });
});
