import { describe, it, expect } from "vitest";
import { exportOdps, type OdpsInput } from "./export";

const base: OdpsInput = {
  key: "orders.order_facts.gold", name: "Order facts", description: "", domain: "orders", topic: "order_facts", tier: "GOLD",
  reliabilityClass: "DECISION_SUPPORT", lifecycleStatus: "DEPRECATED", sloStatus: "GREEN", tags: ["orders"], createdAt: new Date("2026-01-01T00:00:00Z"),
  team: { slug: "orders", name: "Orders", onCallHandle: null, contactChannel: null },
  currentVersion: "2.0.0",
  versions: [{ version: "2.0.0", status: "PUBLISHED" }, { version: "1.4.0", status: "DEPRECATED" }, { version: "1.0.0", status: "RETIRED" }],
  ports: [{ name: "warehouse", kind: "TABLE", platform: "postgres", namespace: "postgres://wh:5432", location: "analytics.orders.order_facts_gold", description: "" }],
  inputs: [{ key: "orders.order_facts.silver", version: "3.1.0", kind: "HARD" }, { key: "orders.order_events.bronze", version: null, kind: "SOFT" }],
};

describe("exportOdps", () => {
  it("lists each port once per live contract version, with contract references", () => {
    const d = exportOdps(base, "https://tessera.example.com/") as { outputPorts: Record<string, unknown>[]; inputPorts: Record<string, unknown>[]; status: string; description: { purpose: string } };
    expect(d.status).toBe("deprecated");
    expect(d.description.purpose).toBe("Order facts");
    expect(d.outputPorts.map((p) => [p.version, p.contractId, p.tags])).toEqual([["2.0.0", "orders-order_facts-gold", undefined], ["1.4.0", "orders-order_facts-gold", ["deprecated"]]]);
    expect(d.outputPorts[0]!.authoritativeDefinitions).toEqual([{ type: "dataContract", url: "https://tessera.example.com/api/v1/products/orders.order_facts.gold/contracts/2.0.0?format=odcs", description: "ODCS contract 2.0.0" }]);
    expect(d.inputPorts.map((p) => [p.name, p.version])).toEqual([["orders.order_facts.silver", "3.1.0"]]);
  });

  it("without versions, ports carry 0.0.0 and no contract; without inputs, no inputPorts", () => {
    const d = exportOdps({ ...base, versions: [], currentVersion: null, inputs: [] }, "http://x") as Record<string, unknown>;
    expect(d.outputPorts).toEqual([expect.objectContaining({ version: "0.0.0" })]);
    expect((d.outputPorts as Record<string, unknown>[])[0]!.contractId).toBeUndefined();
    expect(d.inputPorts).toBeUndefined();
    expect(d.version).toBeUndefined();
  });
});
