import { describe, expect, it } from "vitest";
import { computeLanes, monthTicks, scaleFor, xOf } from "./timeline";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const v = (version: string, status: "PUBLISHED" | "DEPRECATED" | "RETIRED", publishedAt: string, deprecatedAt?: string, retiredAt?: string) => ({
  version, status, publishedAt: d(publishedAt), deprecatedAt: deprecatedAt ? d(deprecatedAt) : null, retiredAt: retiredAt ? d(retiredAt) : null,
});

describe("computeLanes", () => {
  const versions = [v("1.0.0", "RETIRED", "2024-01-01", "2024-06-01", "2024-09-01"), v("2.0.0", "DEPRECATED", "2024-05-01", "2026-01-01"), v("2.1.0", "DEPRECATED", "2024-08-01", "2026-01-01"), v("3.0.0", "PUBLISHED", "2025-12-01")];
  const notices = [
    { id: "n1", targetRange: "1.x", announcedAt: d("2024-06-01"), sunsetAt: d("2024-09-01"), status: "COMPLETED" as const },
    { id: "n2", targetRange: "2.x", announcedAt: d("2026-01-01"), sunsetAt: d("2026-04-01"), status: "ACTIVE" as const },
    { id: "n3", targetRange: "3.x", announcedAt: d("2026-01-02"), sunsetAt: d("2026-06-01"), status: "WITHDRAWN" as const },
  ];
  it("makes one lane per major with its dates and notices", () => {
    const lanes = computeLanes(versions, notices);
    expect(lanes.map((l) => [l.label, l.status, l.noticeIds])).toEqual([["1.x", "RETIRED", ["n1"]], ["2.x", "DEPRECATED", ["n2"]], ["3.x", "PUBLISHED", []]]);
    expect(lanes[0]!.sunsetAt).toEqual(d("2024-09-01"));
    expect(lanes[1]!.publishedAt).toEqual(d("2024-05-01"));
    expect(lanes[1]!.deprecatedAt).toEqual(d("2026-01-01"));
    expect(lanes[1]!.sunsetAt).toEqual(d("2026-04-01"));
    expect(lanes[2]!.sunsetAt).toBeNull();
    expect(lanes[1]!.versions).toEqual(["2.0.0", "2.1.0"]);
  });
  it("a product-level notice covers every lane", () => {
    const lanes = computeLanes(versions.slice(3), [{ id: "p", targetRange: null, announcedAt: d("2026-01-01"), sunsetAt: d("2026-05-01"), status: "ACTIVE" }]);
    expect(lanes[0]!.noticeIds).toEqual(["p"]);
    expect(lanes[0]!.sunsetAt).toEqual(d("2026-05-01"));
  });
});

describe("scale", () => {
  it("covers every date and now, and maps dates monotonically into [0, width]", () => {
    const s = scaleFor([d("2026-01-01"), d("2026-06-01"), null], d("2026-03-01"));
    const xs = [d("2025-01-01"), d("2026-01-01"), d("2026-03-01"), d("2026-06-01"), d("2027-01-01")].map((x) => xOf(x, s, 600));
    expect(xs[0]).toBe(0);
    expect(xs[4]).toBe(600);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThanOrEqual(xs[i - 1]!);
    expect(monthTicks(s).length).toBeGreaterThan(3);
    expect(monthTicks({ start: d("2020-01-01"), end: d("2030-01-01") }, 12).length).toBeLessThanOrEqual(12);
  });
});
