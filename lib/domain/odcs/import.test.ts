import { describe, it, expect } from "vitest";
import YAML from "yaml";
import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import { importOdcs, importOdcsYaml, looksLikeOdcs } from "./import";
import { exportOdcs } from "./export";
import { EXAMPLES, example, fixtureSchemaText } from "./fixtures.test-support";
import type { MappingNote } from "./notes";

const opts = { owner: "orders", product: "orders.air_quality.bronze" };
const reference = (() => {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fixtureSchemaText()));
})();

function ok(text: string, o = opts) {
  const r = importOdcsYaml(text, o);
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 1));
  return r;
}
const base = { apiVersion: "v3.1.0", kind: "DataContract", id: "c1", version: "1.0.0", status: "active", name: "Orders", team: { name: "orders" }, description: { usage: "One row per order" } };
const withProps = (...properties: object[]) => ({ ...base, schema: [{ name: "orders", properties }] });
function imported(doc: object) {
  const r = importOdcs(JSON.parse(JSON.stringify(doc)), opts);
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 1));
  return r;
}
const noteAt = (notes: MappingNote[], path: string) => notes.filter((n) => n.path === path);

describe("importOdcs: the three shared fixtures", () => {
  it("column-completeness: a number/int column, its null check kept as a rule", () => {
    const r = ok(example("column-completeness.odcs.yaml"));
    expect(r.document).toMatchObject({ name: "my_table", version: "1.0.0", owner: "orders", product: opts.product, sla: {} });
    expect(r.document.schema.fields).toEqual([{ name: "UniqueID", type: "integer", required: false }]);
    expect(r.document.semantics.rules).toEqual(["UniqueID: nullValues must be 0 — This column should not contain null values [completeness]"]);
    expect(r.document.semantics.summary).toBe("Air quality of the city of New York");
    expect(noteAt(r.notes, "schema[0].properties[0].quality[0]")[0]!.message).toMatch(/not kept: severity, businessImpact, scheduler, schedule/);
    expect(noteAt(r.notes, "schema[0].properties[0].primaryKey")[0]!.kind).toBe("not-mapped");
    expect(noteAt(r.notes, "team")[0]).toMatchObject({ kind: "defaulted", message: expect.stringContaining("`orders`") });
  });

  it("database-table-sla: an SLA-only contract; latency of 4 days is freshness, the rest is named", () => {
    const r = ok(example("database-table-sla.odcs.yaml"));
    expect(r.document.schema.fields).toEqual([]);
    expect(r.document.sla).toEqual({ freshness: { maxAgeMinutes: 4 * 1440, target: 99, windowDays: 28 } });
    const unmapped = r.notes.filter((n) => n.path.startsWith("slaProperties[") && n.kind === "not-mapped").map((n) => n.path);
    expect(unmapped).toEqual(["slaProperties[0].element", "slaProperties[1]", "slaProperties[2]", "slaProperties[3]", "slaProperties[4]", "slaProperties[5]", "slaProperties[6]", "slaProperties[7]"]);
    expect(noteAt(r.notes, "slaProperties[4]")[0]!.message).toBe('SLA property "retention" (3 y) has no Tessera objective: not kept.');
    expect(noteAt(r.notes, "dataProduct")[0]!.kind).toBe("not-mapped");
  });

  it("full-example: two objects become struct fields; team, support, purpose/usage, classification map", () => {
    const r = ok(example("full-example.odcs.yaml"));
    const d = r.document;
    expect(d).toMatchObject({ name: "my quantum", version: "1.1.0", owner: "my-team", description: "Views built on top of the seller tables." });
    expect(d.semantics.summary).toBe("Predict sales over time");
    expect(d.schema.fields.map((f) => [f.name, f.type])).toEqual([["tbl", "struct"], ["receivers", "struct"]]);
    const tbl = d.schema.fields[0]!;
    expect(tbl.tags).toEqual(["finance", "payments"]);
    expect(tbl.fields!.map((f) => [f.name, f.type, f.required])).toEqual([["transaction_reference_date", "date", false], ["rcvr_id", "string", false], ["rcvr_cntry_code", "string", false]]);
    expect(tbl.fields![1]!.tags).toEqual(["uid", "classification:restricted"]);
    expect(d.schema.fields[1]!.fields!.filter((f) => f.required).map((f) => f.name)).toEqual(["id", "country_code", "receiver_name"]);
    expect(d.support).toEqual([
      { channel: "#product-help", tool: "slack" },
      { channel: "datacontract-ann", tool: "email", url: "mailto:datacontract-ann@bitol.io" },
      { channel: "Feedback", url: "https://product-feedback.com", description: "General Product Feedback (Public)" },
      { channel: "product-issues", tool: "teams", scope: "issues" },
    ]);
    expect(d.sla.freshness!.maxAgeMinutes).toBe(5760);
    expect(d.semantics.rules).toHaveLength(2);
    expect(noteAt(r.notes, "support[3].customProperties")[0]!.kind).toBe("not-mapped");
    expect(noteAt(r.notes, "description.limitations")[0]!.message).toMatch(/Data based on seller perspective/);
    for (const key of ["servers", "price", "roles", "tags", "authoritativeDefinitions", "contractCreatedTs", "tenant", "domain"]) {
      expect(noteAt(r.notes, key), key).toHaveLength(1);
    }
    expect(noteAt(r.notes, "team.members")[0]!.message).toMatch(/team members are managed/);
  });

  it.each(EXAMPLES)("%s: import -> export (valid ODCS) -> import gives the same document", (name) => {
    const first = ok(example(name));
    const exported = exportOdcs(first.document);
    expect(reference(exported), JSON.stringify(reference.errors)).toBe(true);
    const again = importOdcs(JSON.parse(JSON.stringify(exported)), opts);
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(again.document).toEqual(first.document);
    // Only the envelope Tessera writes itself is not mapped back.
    expect(again.notes.filter((n) => n.kind === "not-mapped").map((n) => n.path).sort()).toEqual(first.document.schema.fields.length ? ["id", "schema[0].name", "status"] : ["id", "status"]);
  });
});

/** Leaf paths of parsed YAML ("schema[0].properties[1].physicalType"), empty arrays included. */
function leaves(v: unknown, path = ""): string[] {
  if (Array.isArray(v)) return v.length === 0 ? [path] : v.flatMap((x, i) => leaves(x, `${path}[${i}]`));
  if (v !== null && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => leaves(x, path ? `${path}.${k}` : k));
  return [path];
}
const MAPPED = [
  /^(version|apiVersion|kind|name)$/,
  /^description\.(purpose|usage)$/,
  /^team\.name$/,
  /^support\[\d+\]\.(channel|tool|scope|url|description)$/,
  /^slaProperties\[\d+\]\.(property|value|unit)$/,
  /^schema\[\d+\]((\.properties\[\d+\])|\.items)*\.(name|logicalType|required|description|classification|physicalType|logicalTypeOptions\.format|tags(\[\d+\])?)$/,
];
const DEFAULTS = /\.(primaryKey|unique|partitioned|criticalDataElement)$|\.(primaryKeyPosition|partitionKeyPosition)$/;

describe("importOdcs never drops data silently", () => {
  it.each(EXAMPLES)("%s: every leaf is mapped, at a schema default, or named in a note", (name) => {
    const data = YAML.parse(example(name));
    const r = ok(example(name));
    const covered = (leaf: string) => r.notes.some((n) => leaf === n.path || leaf.startsWith(`${n.path}.`) || leaf.startsWith(`${n.path}[`) || (n.path === "" && false));
    const silent = leaves(data).filter((leaf) => !MAPPED.some((re) => re.test(leaf)) && !covered(leaf) && !(DEFAULTS.test(leaf) && [false, -1].includes(leafValue(data, leaf) as never)) && !isEmptyArray(data, leaf));
    expect(silent).toEqual([]);
  });
});

function leafValue(data: unknown, leaf: string): unknown {
  return leaf.split(/\.|\[|\]/).filter(Boolean).reduce<unknown>((acc, k) => (acc as Record<string, unknown>)?.[k], data);
}
function isEmptyArray(data: unknown, leaf: string): boolean {
  const v = leafValue(data, leaf);
  return Array.isArray(v) && v.length === 0;
}

describe("importOdcs: types", () => {
  it.each<[string, object, string, RegExp | null]>([
    ["string", { logicalType: "string" }, "string", null],
    ["string with varchar(18) (physical type reported)", { logicalType: "string", physicalType: "varchar(18)" }, "string", null],
    ["integer", { logicalType: "integer" }, "integer", null],
    ["integer i64", { logicalType: "integer", logicalTypeOptions: { format: "i64" } }, "bigint", null],
    ["integer u32", { logicalType: "integer", logicalTypeOptions: { format: "u32" } }, "bigint", null],
    ["integer physical bigint", { logicalType: "integer", physicalType: "BIGINT" }, "bigint", null],
    ["number", { logicalType: "number" }, "double", null],
    ["number f32", { logicalType: "number", logicalTypeOptions: { format: "f32" } }, "float", null],
    ["number decimal(12,2)", { logicalType: "number", physicalType: "DECIMAL(12, 2)" }, "decimal(12,2)", null],
    ["number numeric(38,10)", { logicalType: "number", physicalType: "numeric(38,10)" }, "decimal(38,10)", null],
    ["number with physical int", { logicalType: "number", physicalType: "int" }, "integer", /imported as integer/],
    ["boolean", { logicalType: "boolean" }, "boolean", null],
    ["date", { logicalType: "date" }, "date", null],
    ["timestamp", { logicalType: "timestamp", physicalType: "timestamp" }, "timestamp", null],
    ["time", { logicalType: "time" }, "string", /`time` has no native type/],
    ["no logical type, physical int8", { physicalType: "int8" }, "bigint", /taken from physicalType/],
    ["no type at all", {}, "string", /no logicalType/i],
    ["array of strings", { logicalType: "array", items: { logicalType: "string" } }, "array<string>", null],
    ["array of arrays of i64", { logicalType: "array", items: { logicalType: "array", items: { logicalType: "integer", logicalTypeOptions: { format: "i64" } } } }, "array<array<bigint>>", null],
    ["array without items", { logicalType: "array" }, "array<string>", /without `items`/],
    ["object without properties", { logicalType: "object" }, "string", /without properties/],
  ])("%s", (_name, spec, type, note) => {
    const r = imported(withProps({ name: "f", ...spec }));
    expect(r.document.schema.fields[0]!.type).toBe(type);
    const converted = r.notes.filter((n) => n.kind === "converted").map((n) => n.message).join("\n");
    if (note) expect(converted).toMatch(note);
    else expect(converted).toBe("");
  });

  it("reports a physical type it does not keep, and keeps quiet about one it used", () => {
    const r = imported(withProps({ name: "a", logicalType: "string", physicalType: "varchar(18)" }, { name: "b", logicalType: "number", physicalType: "decimal(10,2)" }));
    expect(noteAt(r.notes, "schema[0].properties[0].physicalType")).toHaveLength(1);
    expect(noteAt(r.notes, "schema[0].properties[1].physicalType")).toHaveLength(0);
  });

  it("maps objects and arrays of objects to nested fields, with meanings and masks at any depth", () => {
    const r = imported(
      withProps({
        name: "lines",
        logicalType: "array",
        items: {
          logicalType: "object",
          properties: [
            { name: "sku", logicalType: "string", required: true, customProperties: [{ property: "businessMeaning", value: "Stock keeping unit" }] },
            { name: "buyer_email", logicalType: "string", tags: ["PII"], customProperties: [{ property: "anonymizationStrategy", value: "sha256" }] },
          ],
        },
      }),
    );
    const lines = r.document.schema.fields[0]!;
    expect(lines.type).toBe("array<struct>");
    expect(lines.fields).toEqual([
      { name: "sku", type: "string", required: true },
      { name: "buyer_email", type: "string", required: false, tags: ["PII"], mask: "sha256" },
    ]);
    expect(r.document.semantics.fields).toEqual({ "lines.sku": "Stock keeping unit" });
  });

  it("turns an invalidValues check into an enum and any other check into a rule", () => {
    const r = imported(
      withProps({
        name: "status",
        logicalType: "string",
        quality: [
          { type: "library", metric: "invalidValues", arguments: { validValues: ["placed", "paid", "placed"] }, mustBe: 0, dimension: "conformity" },
          { type: "sql", query: "SELECT COUNT(*) FROM t WHERE status IS NULL", mustBeLessThan: 10, unit: "rows" },
          { type: "text", description: "Cancelled orders keep their last status." },
        ],
      }),
    );
    expect(r.document.schema.fields[0]!.enum).toEqual(["placed", "paid"]);
    expect(r.document.semantics.rules).toEqual([
      "status: SQL check `SELECT COUNT(*) FROM t WHERE status IS NULL` must be less than 10 rows",
      "status: Cancelled orders keep their last status.",
    ]);
    expect(noteAt(r.notes, "schema[0].properties[0].quality[0]").map((n) => n.message).join(" ")).toMatch(/Repeated valid values.*not kept: dimension/s);
  });

  it("renames field names the native format refuses, and says so", () => {
    const r = imported(withProps({ name: "unit price", logicalType: "number" }, { name: "2nd_line", logicalType: "string" }));
    expect(r.document.schema.fields.map((f) => f.name)).toEqual(["unit_price", "_2nd_line"]);
    expect(r.notes.filter((n) => n.message.startsWith("Field name"))).toHaveLength(2);
  });
});

describe("importOdcs: SLA", () => {
  it.each<[object, object | null]>([
    [{ property: "latency", value: 90, unit: "min" }, { freshness: { maxAgeMinutes: 90, target: 99, windowDays: 28 } }],
    [{ property: "latency", value: 30, unit: "s" }, { freshness: { maxAgeMinutes: 0.5, target: 99, windowDays: 28 } }],
    [{ property: "latency", value: "2", unit: "hours" }, { freshness: { maxAgeMinutes: 120, target: 99, windowDays: 28 } }],
    [{ property: "freshness", value: 1, unit: "w" }, { freshness: { maxAgeMinutes: 10080, target: 99, windowDays: 28 } }],
    [{ property: "availability", value: 99.9, unit: "%" }, { availability: { minPercent: 99.9, target: 99, windowDays: 28 } }],
    [{ property: "completeness", value: 99.5 }, { completeness: { minPercent: 99.5, target: 99, windowDays: 28 } }],
    [{ property: "lateArrival", value: 6, unit: "h" }, { lateArrival: { windowMinutes: 360, target: 99, windowDays: 28 } }],
    [{ property: "latency", value: 4 }, null],
    [{ property: "latency", value: 4, unit: "y" }, null],
    [{ property: "accuracy", value: 0.99, unit: "ratio" }, null],
    [{ property: "latency", value: "soon", unit: "d" }, null],
  ])("%j", (item, sla) => {
    const r = imported({ ...base, slaProperties: [item] });
    if (sla) expect(r.document.sla).toEqual(sla);
    else {
      expect(r.document.sla).toEqual({});
      expect(noteAt(r.notes, "slaProperties[0]")[0]!.kind).toBe("not-mapped");
    }
  });

  it("reads objective targets from sloTargets and keeps only the first of two promises of a kind", () => {
    const r = imported({
      ...base,
      slaProperties: [
        { property: "latency", value: 1, unit: "h" },
        { property: "latency", value: 2, unit: "h" },
      ],
      customProperties: [{ property: "sloTargets", value: { latency: { target: 95, windowDays: 7 } } }],
    });
    expect(r.document.sla).toEqual({ freshness: { maxAgeMinutes: 60, target: 95, windowDays: 7 } });
    expect(noteAt(r.notes, "slaProperties[1]")[0]!.message).toMatch(/A second "latency" promise/);
  });
});

describe("importOdcs: names, owners and errors", () => {
  it("defaults the owner and summary, and says so", () => {
    const r = imported({ ...base, team: undefined, description: undefined });
    expect(r.document.owner).toBe("orders");
    expect(r.document.semantics.summary).toBe("Orders");
    expect(r.notes.filter((n) => n.kind === "defaulted").map((n) => n.path)).toEqual(["description.usage", "team"]);
  });

  it("reports ODCS schema errors with their line", () => {
    const text = YAML.stringify(withProps({ name: "a", logicalType: "string", required: "yes" }));
    const r = importOdcsYaml(text, opts);
    if (r.ok) throw new Error("expected errors");
    const line = text.split("\n").findIndex((l) => l.includes("required: yes")) + 1;
    expect(r.errors).toEqual([{ path: "schema[0].properties[0].required", line, column: expect.any(Number), message: "Must be boolean" }]);
  });

  it("reports native rules broken after mapping at the ODCS position", () => {
    const text = YAML.stringify({ ...base, version: "1.0", customProperties: [{ property: "dataProductKey", value: "orders.gold" }] });
    const r = importOdcsYaml(text, opts);
    if (r.ok) throw new Error("expected errors");
    const lineOf = (s: string) => text.split("\n").findIndex((l) => l.includes(s)) + 1;
    expect(r.errors.map((e) => [e.path, e.line])).toEqual([
      ["version", lineOf("version: ")],
      ["customProperties[0]", lineOf("- property: dataProductKey")],
    ]);
    expect(r.errors[0]!.message).toMatch(/MAJOR\.MINOR\.PATCH/);
  });

  it("reports YAML syntax errors with their line", () => {
    const r = importOdcsYaml("apiVersion: v3.1.0\nkind: [DataContract\n", opts);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.line).toBe(3);
  });

  it("tells ODCS from native documents", () => {
    expect(looksLikeOdcs(base)).toBe(true);
    expect(looksLikeOdcs({ name: "x", schema: { fields: [] } })).toBe(false);
    expect(looksLikeOdcs([])).toBe(false);
  });
});
