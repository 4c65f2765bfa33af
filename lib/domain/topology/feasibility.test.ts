import { describe, it, expect } from "vitest";
import { checkSlaFeasibility } from "./feasibility";

describe("checkSlaFeasibility", () => {
  it.each([
    ["fresher than a hard upstream", { freshnessMinutes: 30 }, [{ key: "u", freshnessMinutes: 60 }], ["FRESHNESS"]],
    ["as fresh as the upstream is fine", { freshnessMinutes: 60 }, [{ key: "u", freshnessMinutes: 60 }], []],
    ["more complete than a hard upstream", { completenessPercent: 99.9 }, [{ key: "u", completenessPercent: 99 }], ["COMPLETENESS"]],
    ["less complete is fine", { completenessPercent: 98 }, [{ key: "u", completenessPercent: 99 }], []],
    ["no promise upstream: nothing to compare", { freshnessMinutes: 5, completenessPercent: 100 }, [{ key: "u" }], []],
    ["both at once", { freshnessMinutes: 5, completenessPercent: 100 }, [{ key: "u", freshnessMinutes: 10, completenessPercent: 99 }], ["FRESHNESS", "COMPLETENESS"]],
  ])("%s", (_n, product, ups, objectives) => {
    const w = checkSlaFeasibility(product, ups);
    expect(w.map((x) => x.objective)).toEqual(objectives);
    for (const x of w) expect(x.message).toContain("u");
  });
});
