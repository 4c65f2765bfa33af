import { describe, it, expect } from "vitest";
import fc from "fast-check";
import YAML from "yaml";
import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import { exportOdcs, exportOdcsYaml } from "./export";
import { importOdcs, importOdcsYaml } from "./import";
import { documentArb } from "../contracts/arbitraries.test-support";
import { ZContractDocument } from "../contracts/document";
import { fixtureSchemaText } from "./fixtures.test-support";

const reference = (() => {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fixtureSchemaText()));
})();

const doc = ZContractDocument.parse({
  name: "Order facts",
  version: "2.1.0",
  owner: "orders",
  product: "orders.order_facts.gold",
  description: "Confirmed orders",
  schema: {
    fields: [
      { name: "order_id", type: "string", required: true, description: "UUID" },
      { name: "amount", type: "decimal(12,2)", required: true },
      { name: "email", type: "string", tags: ["PII", "classification:restricted"], mask: "sha256" },
      { name: "status", type: "string", enum: ["placed", "paid"] },
      { name: "lines", type: "array<struct>", fields: [{ name: "sku", type: "string", required: true }, { name: "qty", type: "bigint" }] },
    ],
  },
  sla: { freshness: { maxAgeMinutes: 120 }, completeness: { minPercent: 99.5, target: 95, windowDays: 7 } },
  semantics: { summary: "One row per order", fields: { "lines.sku": "Stock keeping unit" }, rules: ["amount >= 0"] },
  support: [{ channel: "#orders-data", tool: "slack" }],
});

describe("exportOdcs", () => {
  it("writes a valid ODCS v3.1.0 document with every part of the contract", () => {
    const o = exportOdcs(doc, { status: "deprecated" });
    expect(reference(o), JSON.stringify(reference.errors)).toBe(true);
    expect(o).toMatchObject({
      apiVersion: "v3.1.0",
      kind: "DataContract",
      id: "orders-order_facts-gold",
      name: "Order facts",
      version: "2.1.0",
      status: "deprecated",
      description: { purpose: "Confirmed orders", usage: "One row per order" },
      team: { name: "orders" },
      support: [{ channel: "#orders-data", tool: "slack" }],
      slaProperties: [
        { property: "latency", value: 2, unit: "h" },
        { property: "completeness", value: 99.5, unit: "percent" },
      ],
      customProperties: [
        { property: "dataProductKey", value: "orders.order_facts.gold" },
        { property: "sloTargets", value: { latency: { target: 99, windowDays: 28 }, completeness: { target: 95, windowDays: 7 } } },
      ],
    });
    const [object] = o.schema as { name: string; properties: Record<string, unknown>[]; quality: unknown[] }[];
    expect(object!.name).toBe("order_facts");
    expect(object!.quality).toEqual([{ type: "text", description: "amount >= 0" }]);
    const [id, amount, email, status, lines] = object!.properties;
    expect(id).toEqual({ name: "order_id", logicalType: "string", required: true, description: "UUID" });
    expect(amount).toEqual({ name: "amount", logicalType: "number", physicalType: "decimal(12,2)", required: true });
    expect(email).toMatchObject({ classification: "restricted", tags: ["PII", "classification:restricted"], customProperties: [{ property: "anonymizationStrategy", value: "sha256" }] });
    expect(status!.quality).toEqual([{ type: "library", metric: "invalidValues", arguments: { validValues: ["placed", "paid"] }, mustBe: 0 }]);
    expect(lines).toMatchObject({
      logicalType: "array",
      items: {
        logicalType: "object",
        properties: [
          { name: "sku", logicalType: "string", required: true, customProperties: [{ property: "businessMeaning", value: "Stock keeping unit" }] },
          { name: "qty", logicalType: "integer", logicalTypeOptions: { format: "i64" }, required: false },
        ],
      },
    });
  });

  it("writes YAML that imports back to the same document", () => {
    const yaml = exportOdcsYaml(doc);
    expect(YAML.parse(yaml).apiVersion).toBe("v3.1.0");
    const back = importOdcsYaml(yaml);
    expect(back.ok && back.document).toEqual(doc);
  });

  it("exports an SLA-only contract with an empty schema", () => {
    const slaOnly = { ...doc, schema: { fields: [] }, semantics: { summary: "s", fields: {}, rules: [] } };
    const o = exportOdcs(slaOnly);
    expect(o.schema).toEqual([]);
    expect(reference(o)).toBe(true);
  });

  it("round-trips any valid native document: export is valid ODCS and import(export(d)) = d", () => {
    fc.assert(
      fc.property(documentArb, (d) => {
        const o = exportOdcs(d);
        expect(reference(o), JSON.stringify(reference.errors)).toBe(true);
        const back = importOdcs(JSON.parse(JSON.stringify(o)));
        if (!back.ok) throw new Error(JSON.stringify(back.errors));
        expect(back.document).toEqual(d);
        const lost = back.notes.filter((n) => n.kind !== "defaulted" && !["id", "status", "schema[0].name"].includes(n.path));
        expect(lost).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
