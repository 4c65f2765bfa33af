import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { layeredLayout } from "./layout";

describe("layeredLayout", () => {
  it("puts every upstream in a layer left of its downstreams (longest path)", () => {
    const l = layeredLayout(["src", "mid", "out", "side"], [{ from: "src", to: "mid" }, { from: "mid", to: "out" }, { from: "src", to: "out" }, { from: "side", to: "out" }]);
    const at = Object.fromEntries(l.nodes.map((n) => [n.id, n.layer]));
    expect(at).toEqual({ src: 0, side: 0, mid: 1, out: 2 });
  });

  it("never overlaps two nodes and survives a cycle", () => {
    const l = layeredLayout(["a", "b"], [{ from: "a", to: "b" }, { from: "b", to: "a" }]);
    expect(l.nodes).toHaveLength(2);
  });

  it("law: on a DAG every edge goes strictly rightwards; positions are unique", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(19), fc.nat(19)), { maxLength: 60 }), (pairs) => {
        const ids = Array.from({ length: 20 }, (_, i) => `n${i}`);
        const edges = pairs.filter(([a, b]) => a < b).map(([a, b]) => ({ from: `n${a}`, to: `n${b}` })); // a < b: acyclic
        const l = layeredLayout(ids, edges);
        const byId = new Map(l.nodes.map((n) => [n.id, n]));
        for (const e of edges) expect(byId.get(e.from)!.layer).toBeLessThan(byId.get(e.to)!.layer);
        expect(new Set(l.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(20);
      }),
    );
  });

  it("lays out 200 nodes quickly", () => {
    const ids = Array.from({ length: 200 }, (_, i) => `n${i}`);
    const edges = ids.slice(1).map((id, i) => ({ from: `n${Math.floor(i / 3)}`, to: id }));
    const t = performance.now();
    const l = layeredLayout(ids, edges);
    expect(performance.now() - t).toBeLessThan(100);
    expect(l.nodes).toHaveLength(200);
  });
});
