import { describe, it, expect } from "vitest";
import { ZContractDocument, fieldPaths } from "./document";

const valid = {
  name: "Order facts",
  version: "2.1.0",
  owner: "orders",
  schema: {
    fields: [
      { name: "order_id", type: "String", required: true },
      { name: "address", type: "struct", fields: [{ name: "city", type: "string" }] },
      { name: "lines", type: "array<struct>", fields: [{ name: "sku", type: "string" }] },
    ],
  },
  sla: { freshness: { maxAgeMinutes: 60 } },
  semantics: { summary: "One row per order", fields: { order_id: "id", "address.city": "city" } },
};
type Doc = typeof valid;

function errorsOf(mutate: (d: Doc) => unknown): { path: string; message: string }[] {
  const input = mutate(structuredClone(valid));
  const result = ZContractDocument.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("ZContractDocument", () => {
  it("parses a valid document and fills in the defaults", () => {
    const doc = ZContractDocument.parse(valid);
    expect(doc.schema.fields[0]).toEqual({ name: "order_id", type: "string", required: true });
    expect(doc.schema.fields[1]!.required).toBe(false);
    expect(doc.sla.freshness).toEqual({ maxAgeMinutes: 60, target: 99, windowDays: 28 });
    expect(doc.semantics.rules).toEqual([]);
  });

  it("accepts every documented type", () => {
    const types = ["string", "integer", "bigint", "decimal(12,2)", "float", "double", "boolean", "date", "timestamp", "array<string>"];
    const doc = ZContractDocument.parse({ ...valid, schema: { fields: types.map((type, i) => ({ name: `f${i}`, type })) }, semantics: { summary: "s" } });
    expect(doc.schema.fields.map((f) => f.type)).toEqual(types);
  });

  it.each<[string, (d: Doc) => unknown, string, RegExp]>([
    ["missing name", (d) => ({ ...d, name: undefined }), "name", /expected string/],
    ["blank owner", (d) => ({ ...d, owner: "  " }), "owner", /not be empty/],
    ["two-part version", (d) => ({ ...d, version: "2.1" }), "version", /MAJOR\.MINOR\.PATCH/],
    ["numeric version", (d) => ({ ...d, version: 2.1 }), "version", /MAJOR\.MINOR\.PATCH/],
    ["pre-release version", (d) => ({ ...d, version: "2.1.0-rc.1" }), "version", /MAJOR\.MINOR\.PATCH/],
    ["bad product key", (d) => ({ ...d, product: "orders.gold" }), "product", /three parts/],
    ["a support channel without a channel", (d) => ({ ...d, support: [{ tool: "slack" }] }), "support.0.channel", /expected string/],
    ["an unknown support key", (d) => ({ ...d, support: [{ channel: "#x", pager: "y" }] }), "support.0", /pager/],
    ["unknown type", (d) => (d.schema.fields[0]!.type = "varchar", d), "schema.fields.0.type", /Unknown type "varchar"/],
    ["bad field name", (d) => (d.schema.fields[0]!.name = "order id", d), "schema.fields.0.name", /letters, digits/],
    ["duplicate names", (d) => (d.schema.fields[1]!.name = "order_id", d), "schema.fields.1.name", /Duplicate field name "order_id"/],
    ["duplicate nested names", (d) => (d.schema.fields[1]!.fields!.push({ name: "city", type: "integer" }), d), "schema.fields.1.fields.1.name", /Duplicate/],
    ["struct without fields", (d) => (delete d.schema.fields[1]!.fields, d), "schema.fields.1.fields", /needs nested fields/],
    ["scalar with fields", (d) => ({ ...d, schema: { fields: [{ name: "a", type: "string", fields: [{ name: "b", type: "string" }] }] }, semantics: { summary: "s" } }), "schema.fields.0.fields", /Only struct/],
    ["enum on a struct", (d) => (Object.assign(d.schema.fields[1]!, { enum: ["A"] }), d), "schema.fields.1.enum", /cannot carry enum/],
    ["duplicate enum values", (d) => (Object.assign(d.schema.fields[0]!, { enum: ["A", "A"] }), d), "schema.fields.0.enum.1", /Duplicate enum value "A"/],
    ["unknown mask", (d) => (Object.assign(d.schema.fields[0]!, { mask: "md5" }), d), "schema.fields.0.mask", /sha256/],
    ["unknown field key", (d) => (Object.assign(d.schema.fields[0]!, { nullable: true }), d), "schema.fields.0", /nullable/],
    ["negative freshness", (d) => ({ ...d, sla: { freshness: { maxAgeMinutes: -1 } } }), "sla.freshness.maxAgeMinutes", /0/],
    ["percent above 100", (d) => ({ ...d, sla: { completeness: { minPercent: 101 } } }), "sla.completeness.minPercent", /100/],
    ["target of 0", (d) => ({ ...d, sla: { accuracy: { minPercent: 99, target: 0 } } }), "sla.accuracy.target", /0/],
    ["misspelt SLA part", (d) => ({ ...d, sla: { freshnes: { maxAgeMinutes: 5 } } }), "sla", /freshnes/],
    ["missing sla", (d) => ({ ...d, sla: undefined }), "sla", /expected object/],
    ["missing semantics summary", (d) => ({ ...d, semantics: {} }), "semantics.summary", /expected string/],
    ["meaning of an unknown field", (d) => (Object.assign(d.semantics.fields, { "address.street": "x" }), d), "semantics.fields.address.street", /not a field of the schema/],
  ])("rejects %s", (_name, mutate, path, message) => {
    const errors = errorsOf(mutate);
    expect(errors.map((e) => e.path)).toContain(path);
    expect(errors.find((e) => e.path === path)!.message).toMatch(message);
  });

  it("reports every error at once, even across unrelated parts", () => {
    const errors = errorsOf((d) => {
      d.schema.fields[0]!.type = "varchar";
      d.schema.fields[2]!.name = "address";
      return { ...d, version: "x" };
    });
    expect(errors.map((e) => e.path).sort()).toEqual(["schema.fields.0.type", "schema.fields.2.name", "version"]);
  });

  it("accepts an SLA-only contract with an empty field list (ODCS allows it)", () => {
    const doc = ZContractDocument.parse({ ...valid, schema: { fields: [] }, semantics: { summary: "s" } });
    expect(doc.schema.fields).toEqual([]);
  });

  it("keeps support channels", () => {
    const doc = ZContractDocument.parse({ ...valid, support: [{ channel: "#orders-data", tool: "slack", scope: "interactive" }] });
    expect(doc.support).toEqual([{ channel: "#orders-data", tool: "slack", scope: "interactive" }]);
  });

  it("coerces numeric and boolean enum values to strings", () => {
    const doc = ZContractDocument.parse({ ...valid, schema: { fields: [{ name: "order_id", type: "integer", enum: [1, 2, true] }] }, semantics: { summary: "s" } });
    expect(doc.schema.fields[0]!.enum).toEqual(["1", "2", "true"]);
  });

  it("lists dotted field paths", () => {
    expect(fieldPaths(ZContractDocument.parse(valid).schema.fields)).toEqual(["order_id", "address", "address.city", "lines", "lines.sku"]);
  });
});
