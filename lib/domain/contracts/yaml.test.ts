import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { parseContractYaml, toContractYaml, formatPath } from "./yaml";
import { documentArb } from "./arbitraries.test-support";

const VALID = `name: Order facts            # required
version: 2.1.0
owner: orders
product: orders.order_facts.gold
description: Every placed order, one row per order
schema:
  fields:
    - name: order_id
      type: string
      required: true
      description: Order identifier
      tags: [PII]
      mask: sha256
    - name: status
      type: string
      enum: [PLACED, PAID]
    - name: address
      type: struct
      fields:
        - name: city
          type: string
sla:
  freshness: { maxAgeMinutes: 60 }
  completeness: { minPercent: 99.5, target: 95, windowDays: 7 }
semantics:
  summary: Every placed order
  fields: { order_id: "business meaning", address.city: "where it ships" }
  rules: ["an order belongs to exactly one customer"]
`;

function errors(text: string) {
  const result = parseContractYaml(text);
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

describe("parseContractYaml", () => {
  it("parses the documented example", () => {
    const result = parseContractYaml(VALID);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.version).toBe("2.1.0");
    expect(result.document.schema.fields[2]!.fields![0]!.name).toBe("city");
    expect(result.document.sla.completeness).toEqual({ minPercent: 99.5, target: 95, windowDays: 7 });
    expect(result.document.semantics.fields["address.city"]).toBe("where it ships");
  });

  it.each([
    ["a wrong type", VALID.replace("    - name: status\n      type: string", "    - name: status\n      type: varchar"), "schema.fields[1].type", 15, 13, /Unknown type "varchar"/],
    ["a nested wrong type", VALID.replace("        - name: city\n          type: string", "        - name: city\n          type: map"), "schema.fields[2].fields[0].type", 21, 17, /Unknown type "map"/],
    ["a two-part version", VALID.replace("version: 2.1.0", "version: 2.1"), "version", 2, 10, /MAJOR\.MINOR\.PATCH/],
    ["a missing owner (points at the parent)", VALID.replace("owner: orders\n", ""), "owner", 1, 1, /"owner" is required/],
    ["an unknown key (points at the key)", VALID.replace("  completeness:", "  completenes:"), "sla.completenes", 24, 3, /Unknown key "completenes"/],
    ["a duplicate field", VALID.replace("    - name: status", "    - name: order_id"), "schema.fields[1].name", 14, 13, /Duplicate field name "order_id"/],
    ["a meaning for an unknown field", VALID.replace("address.city:", "address.street:"), 'semantics.fields["address.street"]', 27, 59, /not a field/],
  ])("locates %s", (_name, text, path, line, column, message) => {
    const [error, ...rest] = errors(text);
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ path, line, column });
    expect(error!.message).toMatch(message);
  });

  it.each([
    ["unclosed flow sequence", "name: x\ntags: [a, b\nowner: y\n", 3, /Flow sequence/],
    ["duplicate key", "name: x\nname: y\n", 2, /unique/],
    ["tab indentation", "schema:\n\tfields: []\n", 2, /./],
    ["two documents", "name: a\n---\nname: b\n", 2, /multiple documents/],
  ])("reports YAML syntax errors: %s", (_name, text, line, message) => {
    const [error] = errors(text);
    expect(error!.line).toBe(line);
    expect(error!.message).toMatch(message);
  });

  it.each([[""], ["# only a comment\n"], ["~\n"]])("refuses an empty document %j", (text) => {
    expect(errors(text)[0]!.message).toMatch(/empty/);
  });

  it("refuses a document that is not a mapping", () => {
    expect(errors("- a\n- b\n")[0]).toMatchObject({ path: "", line: 1, column: 1 });
  });

  it("sorts several errors by position", () => {
    const text = VALID.replace("version: 2.1.0", "version: two").replace("type: struct", "type: strukt");
    expect(errors(text).map((e) => e.line)).toEqual([2, 18]);
  });
});

describe("toContractYaml", () => {
  it("writes the canonical spelling", () => {
    const result = parseContractYaml(VALID);
    if (!result.ok) throw new Error("invalid fixture");
    const yaml = toContractYaml(result.document);
    expect(yaml).toContain("name: Order facts\nversion: 2.1.0\nowner: orders\n");
    expect(yaml).toContain("      tags: [PII]\n      mask: sha256\n");
    expect(yaml).toContain("  freshness: {maxAgeMinutes: 60, target: 99, windowDays: 28}\n");
    expect(yaml).toContain("      required: false\n");
  });

  it("writes the same text whatever the key order of the input (documents read back from JSONB)", () => {
    const result = parseContractYaml(VALID);
    if (!result.ok) throw new Error("invalid fixture");
    const d = result.document;
    const shuffled = JSON.parse(JSON.stringify({ semantics: { rules: d.semantics.rules, fields: d.semantics.fields, summary: d.semantics.summary }, sla: { completeness: { windowDays: 7, target: 95, minPercent: 99.5 }, freshness: d.sla.freshness }, schema: d.schema, owner: d.owner, version: d.version, name: d.name, product: d.product, description: d.description }));
    expect(toContractYaml(shuffled)).toBe(toContractYaml(d));
  });

  it("round-trips any valid document", () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const yaml = toContractYaml(doc);
        const again = parseContractYaml(yaml);
        if (!again.ok) throw new Error(JSON.stringify(again.errors) + "\n" + yaml);
        expect(again.document).toEqual(doc);
        expect(toContractYaml(again.document)).toBe(yaml);
      }),
    );
  });
});

describe("formatPath", () => {
  it.each([
    [[], ""],
    [["schema", "fields", 2, "type"], "schema.fields[2].type"],
    [["semantics", "fields", "address.city"], 'semantics.fields["address.city"]'],
    [[0], "[0]"],
  ])("%j -> %s", (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});
