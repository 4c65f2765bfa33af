import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { cycleIfAdded, type Edge } from "./cycles";

describe("cycleIfAdded", () => {
  const edges: Edge[] = [
    { downstream: "gold", upstream: "silver" },
    { downstream: "silver", upstream: "bronze" },
    { downstream: "mart", upstream: "gold" },
  ];
  it.each([
    ["bronze", "gold", ["gold", "silver", "bronze"]],
    ["bronze", "mart", ["mart", "gold", "silver", "bronze"]],
    ["gold", "gold", ["gold"]],
    ["mart", "bronze", null],
    ["other", "gold", null],
  ] as const)("adding %s -> %s", (down, up, expected) => {
    expect(cycleIfAdded(edges, down, up)).toEqual(expected);
  });

  it("never reports a cycle in a graph that only points to lower numbers", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(20), fc.nat(20))), fc.nat(20), fc.nat(20), (pairs, a, b) => {
        const dag = pairs.filter(([x, y]) => x > y).map(([x, y]) => ({ downstream: String(x), upstream: String(y) }));
        if (a > b) expect(cycleIfAdded(dag, String(a), String(b))).toBeNull();
      }),
    );
  });
});
