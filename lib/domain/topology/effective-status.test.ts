import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { effectiveStatuses, worstStatus, type KindedEdge } from "./effective-status";
import type { SloStatus } from "../slo/status";

const e = (downstream: string, upstream: string, kind: KindedEdge["kind"] = "HARD"): KindedEdge => ({ downstream, upstream, kind });
const own = (o: Record<string, SloStatus>) => new Map(Object.entries(o));

describe("worstStatus", () => {
  it.each<[SloStatus[], SloStatus]>([
    [[], "UNKNOWN"],
    [["GREEN"], "GREEN"],
    [["GREEN", "UNKNOWN"], "UNKNOWN"],
    [["UNKNOWN", "AMBER"], "AMBER"],
    [["AMBER", "RED", "GREEN"], "RED"],
  ])("%j -> %s", (statuses, expected) => expect(worstStatus(statuses)).toBe(expected));
});

describe("effectiveStatuses", () => {
  type Row = [string, Record<string, SloStatus>, KindedEdge[], string[], string[]];
  const rows: Row[] = [
    ["a HARD upstream RED puts the downstream at risk", { a: "RED", b: "GREEN" }, [e("b", "a")], ["b"], []],
    ["transitively through HARD edges", { a: "RED", b: "GREEN", c: "GREEN" }, [e("b", "a"), e("c", "b")], ["b", "c"], []],
    ["a SOFT upstream RED only degrades", { a: "RED", b: "GREEN" }, [e("b", "a", "SOFT")], [], ["b"]],
    ["risk does not travel across a SOFT edge", { a: "RED", b: "GREEN", c: "GREEN" }, [e("b", "a", "SOFT"), e("c", "b")], [], ["b"]],
    ["AMBER upstream is not a risk", { a: "AMBER", b: "GREEN" }, [e("b", "a")], [], []],
    ["CONTROL and TRUTH edges carry no risk", { a: "RED", b: "GREEN", c: "GREEN" }, [e("b", "a", "CONTROL"), e("c", "a", "TRUTH")], [], []],
    ["a RED product is not at risk from itself in a cycle", { a: "RED", b: "GREEN" }, [e("b", "a"), e("a", "b")], ["b"], []],
    ["a RED product below another RED is at risk", { a: "RED", b: "RED" }, [e("b", "a")], ["b"], []],
  ];
  it.each(rows)("%s", (_n, statuses, edges, atRisk, degraded) => {
    const r = effectiveStatuses(own(statuses), edges);
    expect([...r].filter(([, s]) => s.atRisk).map(([id]) => id).sort()).toEqual(atRisk);
    expect([...r].filter(([, s]) => s.degraded).map(([id]) => id).sort()).toEqual(degraded);
  });

  it("names the RED source of the risk", () => {
    expect(effectiveStatuses(own({ a: "RED", b: "GREEN", c: "GREEN" }), [e("b", "a"), e("c", "b")]).get("c")!.riskFrom).toBe("a");
  });

  it("at risk exactly when some RED product reaches it through HARD edges (law, against a naive search)", () => {
    const ids = ["p0", "p1", "p2", "p3", "p4", "p5"];
    const statusArb = fc.constantFrom<SloStatus>("GREEN", "AMBER", "RED", "UNKNOWN");
    const edgeArb = fc.record({ downstream: fc.constantFrom(...ids), upstream: fc.constantFrom(...ids), kind: fc.constantFrom<KindedEdge["kind"]>("HARD", "SOFT") });
    fc.assert(
      fc.property(fc.array(statusArb, { minLength: 6, maxLength: 6 }), fc.array(edgeArb, { maxLength: 15 }), (st, edges) => {
        const statuses = new Map(ids.map((id, i) => [id, st[i]!]));
        const r = effectiveStatuses(statuses, edges);
        const naive = (id: string) => {
          const seen = new Set<string>();
          const stack = edges.filter((x) => x.kind === "HARD" && x.downstream === id).map((x) => x.upstream);
          while (stack.length) {
            const u = stack.pop()!;
            if (seen.has(u)) continue;
            seen.add(u);
            if (u !== id && statuses.get(u) === "RED") return true;
            stack.push(...edges.filter((x) => x.kind === "HARD" && x.downstream === u).map((x) => x.upstream));
          }
          return false;
        };
        for (const id of ids) expect(r.get(id)!.atRisk).toBe(naive(id));
      }),
    );
  });
});
