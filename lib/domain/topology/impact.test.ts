import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { impactOf } from "./impact";
import type { KindedEdge } from "./effective-status";

const e = (downstream: string, upstream: string, kind: KindedEdge["kind"] = "HARD"): KindedEdge => ({ downstream, upstream, kind });

describe("impactOf", () => {
  it("lists every downstream product transitively with its path and depth", () => {
    const r = impactOf("a", [e("b", "a"), e("c", "b", "SOFT"), e("d", "c"), e("x", "y")], []);
    expect(r.products).toEqual([
      { id: "b", depth: 1, path: ["a", "b"], kinds: ["HARD"], hardOnly: true },
      { id: "c", depth: 2, path: ["a", "b", "c"], kinds: ["HARD", "SOFT"], hardOnly: false },
      { id: "d", depth: 3, path: ["a", "b", "c", "d"], kinds: ["HARD", "SOFT", "HARD"], hardOnly: false },
    ]);
  });

  it("reports the shortest path, preferring HARD edges among equals", () => {
    const r = impactOf("a", [e("c", "a", "SOFT"), e("b", "a"), e("c", "b"), e("d", "b"), e("d", "c")], []);
    expect(r.products.find((p) => p.id === "c")!.path).toEqual(["a", "c"]);
    expect(r.products.find((p) => p.id === "d")!.kinds).toEqual(["HARD", "HARD"]);
  });

  it("terminates on cycles and never lists the root", () => {
    const r = impactOf("a", [e("b", "a"), e("a", "b")], []);
    expect(r.products.map((p) => p.id)).toEqual(["b"]);
  });

  it("lists subscribing teams of the root and of every downstream product, nearest first", () => {
    const r = impactOf("a", [e("b", "a"), e("c", "b")], [
      { productId: "c", teamId: "t2" },
      { productId: "a", teamId: "t1" },
      { productId: "b", teamId: "t2" },
      { productId: "z", teamId: "t3" },
    ]);
    expect(r.teams).toEqual([
      { teamId: "t1", via: ["a"], path: ["a"] },
      { teamId: "t2", via: ["b", "c"], path: ["a", "b"] },
    ]);
  });

  it("every path starts at the root, follows real edges and ends at the product (law)", () => {
    const ids = ["a", "b", "c", "d", "e", "f"];
    const edgeArb = fc.record({ downstream: fc.constantFrom(...ids), upstream: fc.constantFrom(...ids), kind: fc.constantFrom<KindedEdge["kind"]>("HARD", "SOFT", "TRUTH") });
    fc.assert(
      fc.property(fc.array(edgeArb, { maxLength: 20 }), (edges) => {
        const r = impactOf("a", edges, []);
        for (const p of r.products) {
          expect(p.path[0]).toBe("a");
          expect(p.path[p.path.length - 1]).toBe(p.id);
          expect(p.path.length - 1).toBe(p.depth);
          for (let i = 1; i < p.path.length; i++) expect(edges.some((x) => x.upstream === p.path[i - 1] && x.downstream === p.path[i] && x.kind === p.kinds[i - 1])).toBe(true);
        }
      }),
    );
  });
});
