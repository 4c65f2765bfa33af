import { describe, it, expect } from "vitest";
import { observedEdges, type MappedProduct } from "./observe";
import { pushRecent, uniqueDatasets, ZRunEvent } from "./run-event";

const p = (domain: string, topic: string, tier: "BRONZE" | "SILVER" | "GOLD"): MappedProduct => ({ id: `${domain}.${topic}.${tier}`, key: `${domain}.${topic}.${tier.toLowerCase()}`, domain, topic, tier });
const ordersSilver = p("orders", "order_facts", "SILVER");
const ordersGold = p("orders", "order_facts", "GOLD");
const ordersBronze = p("orders", "order_events", "BRONZE");
const mktGold = p("marketing", "campaign_attribution", "GOLD");

describe("observedEdges", () => {
  it("a marketing job reading orders' SILVER is flagged by the cross-domain rule", () => {
    const [e] = observedEdges([mktGold], [ordersSilver], []);
    expect(e!.downstream.id).toBe(mktGold.id);
    expect(e!.upstream.id).toBe(ordersSilver.id);
    expect(e!.flags.map((f) => f.rule)).toEqual(["tier.cross-domain-gold-only"]);
    expect(e!.flags[0]!.message).toContain("across domains a product may only depend on GOLD");
  });

  it("GOLD reading BRONZE inside a domain is flagged; GOLD reading SILVER is not", () => {
    const edges = observedEdges([ordersGold], [ordersBronze, ordersSilver], []);
    expect(edges.map((e) => [e.upstream.id, e.flags.map((f) => f.rule)])).toEqual([
      [ordersBronze.id, ["tier.same-domain-order"]],
      [ordersSilver.id, []],
    ]);
  });

  it("every output x input pair once; a product reading itself is no edge", () => {
    const edges = observedEdges([ordersGold, mktGold, ordersGold], [ordersSilver, ordersGold], []);
    expect(edges.map((e) => `${e.downstream.id}<${e.upstream.id}`)).toEqual([`${ordersGold.id}<${ordersSilver.id}`, `${mktGold.id}<${ordersSilver.id}`, `${mktGold.id}<${ordersGold.id}`]);
  });

  it("an edge closing a cycle is flagged, not refused", () => {
    const [e] = observedEdges([ordersSilver], [ordersGold], [{ downstream: ordersGold.id, upstream: ordersSilver.id }]);
    expect(e!.flags.map((f) => f.rule)).toEqual(["tier.same-domain-order", "topology.no-cycles"]);
    const [again] = observedEdges([ordersGold], [ordersSilver], [{ downstream: ordersGold.id, upstream: ordersSilver.id }]);
    expect(again!.flags).toEqual([]);
  });
});

describe("RunEvent parsing", () => {
  const base = {
    eventType: "COMPLETE",
    eventTime: "2026-11-20T10:00:00.000Z",
    producer: "https://example.com/producer",
    schemaURL: "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
    run: { runId: "0d9c3a4e-7e2c-4a51-a4a9-8f6c5c1c2b10", facets: { anything: { _producer: "x", _schemaURL: "y" } } },
    job: { namespace: "airflow", name: "marketing.attribution", facets: {} },
    inputs: [{ namespace: "pg://wh", name: "a.b", facets: { schema: { fields: [] } } }],
    customTopLevel: 1,
  };
  it("keeps unknown facets and fields without complaint", () => {
    const r = ZRunEvent.safeParse(base);
    expect(r.success).toBe(true);
    expect(r.data!.outputs).toEqual([]);
  });
  it.each([
    ["no eventTime", { ...base, eventTime: undefined }, "eventTime"],
    ["a bad eventTime", { ...base, eventTime: "yesterday" }, "eventTime"],
    ["no runId", { ...base, run: {} }, "run"],
    ["an input without name", { ...base, inputs: [{ namespace: "pg://wh" }] }, "inputs"],
    ["an unknown eventType", { ...base, eventType: "DONE" }, "eventType"],
  ])("refuses %s", (_l, ev, path) => {
    const r = ZRunEvent.safeParse(ev);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path[0]).toBe(path);
  });
  it("helpers", () => {
    expect(uniqueDatasets([{ namespace: "a", name: "b" }, { namespace: "a", name: "b" }, { namespace: "a", name: "c" }])).toHaveLength(2);
    expect(pushRecent(["x", "y"], "y")).toEqual(["y", "x"]);
    expect(pushRecent(Array.from({ length: 25 }, (_, i) => `j${i}`), "new")).toHaveLength(20);
  });
});
