import { describe, it, expect } from "vitest";
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import { validateOdcs } from "./validate";
import { EXAMPLES, example, fixtureSchemaText } from "./fixtures.test-support";

const minimal = { apiVersion: "v3.1.0", kind: "DataContract", id: "c1", version: "1.0.0", status: "active" };

describe("validateOdcs", () => {
  it("uses a vendored schema identical to the shared fixture", () => {
    const vendored = fs.readFileSync(path.join(process.cwd(), "lib/domain/odcs/schema/odcs-json-schema-v3.1.0.json"), "utf8");
    expect(vendored).toBe(fixtureSchemaText());
  });

  it.each(EXAMPLES)("accepts the fixture %s", (name) => {
    expect(validateOdcs(YAML.parse(example(name)))).toEqual({ ok: true });
  });

  it("agrees with an independent validator compiled from the fixture schema", () => {
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    addFormats(ajv);
    const reference = ajv.compile(JSON.parse(fixtureSchemaText()));
    const docs = [minimal, { ...minimal, kind: "Contract" }, { ...minimal, schema: [{ name: "t", properties: [{ name: "a", required: "yes" }] }] }, { version: "1" }];
    for (const d of docs) expect(validateOdcs(d).ok).toBe(reference(d));
  });

  it.each<[string, object, (string | number)[], RegExp]>([
    ["a missing id", { ...minimal, id: undefined }, [], /"id" is required/],
    ["a wrong kind", { ...minimal, kind: "Contract" }, ["kind"], /Must be one of "DataContract"/],
    ["an unknown apiVersion", { ...minimal, apiVersion: "v9" }, ["apiVersion"], /Must be one of "v3\.1\.0"/],
    ["a non-boolean required", { ...minimal, schema: [{ name: "t", properties: [{ name: "a", required: "yes" }] }] }, ["schema", 0, "properties", 0, "required"], /Must be boolean/],
    ["an unknown property key", { ...minimal, schema: [{ name: "t", properties: [{ name: "a", nullable: true }] }] }, ["schema", 0, "properties", 0, "nullable"], /Unknown key "nullable"/],
    ["an unknown logicalType", { ...minimal, schema: [{ name: "t", properties: [{ name: "a", logicalType: "varchar" }] }] }, ["schema", 0, "properties", 0, "logicalType"], /Must be one of "string"/],
    ["an SLA property without value", { ...minimal, slaProperties: [{ property: "latency" }] }, ["slaProperties", 0], /"value" is required/],
    ["a team object with an unknown key", { ...minimal, team: { name: "x", lead: "y" } }, ["team", "lead"], /Unknown key "lead"/],
  ])("reports %s precisely", (_name, doc, errorPath, message) => {
    const r = validateOdcs(JSON.parse(JSON.stringify(doc)));
    if (r.ok) throw new Error("expected errors");
    const found = r.errors.find((e) => JSON.stringify(e.path) === JSON.stringify(errorPath));
    expect(found, JSON.stringify(r.errors)).toBeDefined();
    expect(found!.message).toMatch(message);
  });

  it("does not drown a oneOf failure in the other branch's noise", () => {
    const r = validateOdcs({ ...minimal, team: { name: "x", lead: "y" } });
    if (r.ok) throw new Error("expected errors");
    expect(r.errors).toEqual([{ path: ["team", "lead"], key: "lead", message: 'Unknown key "lead"' }]);
  });
});
