import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { diffContracts } from "./diff";
import { ZContractDocument, type ContractDocument, type SchemaField } from "./document";
import { documentArb, relatedPairArb, shuffleFields } from "./arbitraries.test-support";
import type { ChangeClass, ChangeKind } from "./change";

const base: ContractDocument = ZContractDocument.parse({
  name: "Order facts",
  version: "2.1.0",
  owner: "orders",
  product: "orders.order_facts.gold",
  description: "Every placed order",
  schema: {
    fields: [
      { name: "order_id", type: "string", required: true, description: "Order id", tags: ["PII"], mask: "sha256" },
      { name: "status", type: "string", required: true, enum: ["PLACED", "PAID"] },
      { name: "amount", type: "decimal(10,2)", required: true },
      { name: "quantity", type: "integer" },
      { name: "discount", type: "float" },
      { name: "placed_on", type: "date" },
      { name: "email", type: "string", tags: ["PII", "contact"], mask: "sha256" },
      { name: "phone", type: "string", tags: ["PII"] },
      { name: "note", type: "string", tags: ["free_text"] },
      { name: "address", type: "struct", fields: [{ name: "city", type: "string" }, { name: "zip", type: "string", required: true }] },
      { name: "lines", type: "array<struct>", fields: [{ name: "sku", type: "string", required: true }, { name: "qty", type: "integer" }] },
    ],
  },
  sla: {
    freshness: { maxAgeMinutes: 60 },
    completeness: { minPercent: 99.5 },
    accuracy: { minPercent: 99 },
    lateArrival: { windowMinutes: 120 },
  },
  semantics: { summary: "One row per placed order", fields: { order_id: "The order" }, rules: ["an order belongs to exactly one customer"] },
});

/** Edit a copy of the base document. */
function edit(fn: (d: ContractDocument) => void): ContractDocument {
  const copy = structuredClone(base);
  fn(copy);
  return copy;
}
function field(d: ContractDocument, path: string): SchemaField {
  let fields = d.schema.fields;
  let found: SchemaField | undefined;
  for (const name of path.split(".")) {
    found = fields.find((f) => f.name === name);
    fields = found?.fields ?? [];
  }
  if (!found) throw new Error(`no field ${path}`);
  return found;
}
function removeField(d: ContractDocument, path: string) {
  const parts = path.split(".");
  const name = parts.pop()!;
  const list = parts.length ? field(d, parts.join("."))!.fields! : d.schema.fields;
  list.splice(list.findIndex((f) => f.name === name), 1);
}

type Row = [string, (d: ContractDocument) => void, [ChangeKind, ChangeClass, string][]];
const rows: Row[] = [
  // fields removed, renamed, added
  ["field removed", (d) => removeField(d, "note"), [["field.removed", "MAJOR", "note"]]],
  ["nested field removed", (d) => removeField(d, "address.city"), [["field.removed", "MAJOR", "address.city"]]],
  ["field in array<struct> removed", (d) => removeField(d, "lines.qty"), [["field.removed", "MAJOR", "lines.qty"]]],
  ["field renamed (removed + added, same type)", (d) => (field(d, "note").name = "remark"), [["field.renamed", "MAJOR", "note"]]],
  ["removed + added of another type is not a rename", (d) => Object.assign(field(d, "note"), { name: "remark", type: "integer" }), [["field.removed", "MAJOR", "note"], ["field.added-optional", "MINOR", "remark"]]],
  ["new optional field", (d) => d.schema.fields.push({ name: "coupon", type: "string", required: false }), [["field.added-optional", "MINOR", "coupon"]]],
  ["new required field", (d) => d.schema.fields.push({ name: "channel", type: "string", required: true }), [["field.added-required", "MAJOR", "channel"]]],
  ["new optional nested field", (d) => field(d, "lines").fields!.push({ name: "price", type: "double", required: false }), [["field.added-optional", "MINOR", "lines.price"]]],
  ["new required nested field", (d) => field(d, "address").fields!.push({ name: "country", type: "string", required: true }), [["field.added-required", "MAJOR", "address.country"]]],
  // types
  ["integer -> bigint", (d) => (field(d, "quantity").type = "bigint"), [["field.type-widened", "MINOR", "quantity"]]],
  ["integer -> double", (d) => (field(d, "quantity").type = "double"), [["field.type-widened", "MINOR", "quantity"]]],
  ["integer -> decimal(12,2)", (d) => (field(d, "quantity").type = "decimal(12,2)"), [["field.type-widened", "MINOR", "quantity"]]],
  ["integer -> decimal(8,2)", (d) => (field(d, "quantity").type = "decimal(8,2)"), [["field.type-changed", "MAJOR", "quantity"]]],
  ["float -> double", (d) => (field(d, "discount").type = "double"), [["field.type-widened", "MINOR", "discount"]]],
  ["decimal(10,2) -> decimal(14,4)", (d) => (field(d, "amount").type = "decimal(14,4)"), [["field.type-widened", "MINOR", "amount"]]],
  ["decimal(10,2) -> decimal(10,1)", (d) => (field(d, "amount").type = "decimal(10,1)"), [["field.type-changed", "MAJOR", "amount"]]],
  ["decimal(10,2) -> decimal(9,2)", (d) => (field(d, "amount").type = "decimal(9,2)"), [["field.type-changed", "MAJOR", "amount"]]],
  ["integer -> string", (d) => (field(d, "quantity").type = "string"), [["field.type-changed", "MAJOR", "quantity"]]],
  ["date -> timestamp", (d) => (field(d, "placed_on").type = "timestamp"), [["field.type-changed", "MAJOR", "placed_on"]]],
  ["float -> integer", (d) => (field(d, "discount").type = "integer"), [["field.type-changed", "MAJOR", "discount"]]],
  ["struct -> string (children not reported)", (d) => Object.assign(field(d, "address"), { type: "string", fields: undefined }), [["field.type-changed", "MAJOR", "address"]]],
  ["nested type widened", (d) => (field(d, "lines.qty").type = "bigint"), [["field.type-widened", "MINOR", "lines.qty"]]],
  // required flag
  ["required -> optional", (d) => (field(d, "amount").required = false), [["field.required-changed", "MAJOR", "amount"]]],
  ["optional -> required", (d) => (field(d, "quantity").required = true), [["field.required-changed", "MAJOR", "quantity"]]],
  ["nested optional -> required", (d) => (field(d, "address.city").required = true), [["field.required-changed", "MAJOR", "address.city"]]],
  // enums
  ["enum value removed", (d) => (field(d, "status").enum = ["PLACED"]), [["field.enum-value-removed", "MAJOR", "status"]]],
  ["enum value added", (d) => (field(d, "status").enum = ["PLACED", "PAID", "SHIPPED"]), [["field.enum-value-added", "MINOR", "status"]]],
  ["enum reordered", (d) => (field(d, "status").enum = ["PAID", "PLACED"]), []],
  ["enum constraint added", (d) => (field(d, "note").enum = ["A"]), [["field.enum-constraint-added", "MAJOR", "note"]]],
  ["enum constraint removed", (d) => (field(d, "status").enum = undefined), [["field.enum-constraint-removed", "MINOR", "status"]]],
  // masks and PII
  ["PII mask removed", (d) => (field(d, "email").mask = undefined), [["field.mask-removed", "MAJOR", "email"]]],
  ["mask added", (d) => (field(d, "phone").mask = "tokenize"), [["field.mask-added", "MAJOR", "phone"]]],
  ["mask changed", (d) => (field(d, "email").mask = "redact"), [["field.mask-changed", "MAJOR", "email"]]],
  ["PII tag removed", (d) => (field(d, "phone").tags = []), [["field.pii-tag-removed", "MAJOR", "phone"]]],
  ["PII tag added", (d) => (field(d, "note").tags = ["free_text", "PII"]), [["field.pii-tag-added", "MINOR", "note"]]],
  ["PII tag case changed", (d) => (field(d, "phone").tags = ["pii"]), []],
  ["other tag changed", (d) => (field(d, "email").tags = ["PII", "marketing"]), [["field.tags-changed", "PATCH", "email"]]],
  ["tags reordered", (d) => (field(d, "email").tags = ["contact", "PII"]), []],
  // editorial
  ["field description changed", (d) => (field(d, "order_id").description = "Order identifier"), [["field.description-changed", "PATCH", "order_id"]]],
  ["nested description added", (d) => (field(d, "address.zip").description = "Postal code"), [["field.description-changed", "PATCH", "address.zip"]]],
  ["name changed", (d) => (d.name = "Orders"), [["meta.name-changed", "PATCH", "name"]]],
  ["owner changed", (d) => (d.owner = "order_platform"), [["meta.owner-changed", "PATCH", "owner"]]],
  ["description changed", (d) => (d.description = "All orders"), [["meta.description-changed", "PATCH", "description"]]],
  ["product changed", (d) => (d.product = undefined), [["meta.product-changed", "PATCH", "product"]]],
  ["support channel added", (d) => (d.support = [{ channel: "#orders-data", tool: "slack" }]), [["meta.support-changed", "PATCH", "support"]]],
  ["semantics summary changed", (d) => (d.semantics.summary = "Orders"), [["semantics.summary-changed", "PATCH", "semantics.summary"]]],
  ["field meaning added", (d) => (d.semantics.fields.amount = "Gross amount"), [["semantics.meaning-changed", "PATCH", "semantics.fields.amount"]]],
  ["rule added", (d) => d.semantics.rules.push("amounts are in EUR"), [["semantics.rule-added", "PATCH", "semantics.rules"]]],
  ["rule removed", (d) => (d.semantics.rules = []), [["semantics.rule-removed", "PATCH", "semantics.rules"]]],
  // SLA
  ["freshness max age increased", (d) => (d.sla.freshness!.maxAgeMinutes = 120), [["sla.weakened", "MAJOR", "sla.freshness.maxAgeMinutes"]]],
  ["freshness max age decreased", (d) => (d.sla.freshness!.maxAgeMinutes = 30), [["sla.strengthened", "MINOR", "sla.freshness.maxAgeMinutes"]]],
  ["completeness lowered", (d) => (d.sla.completeness!.minPercent = 99), [["sla.weakened", "MAJOR", "sla.completeness.minPercent"]]],
  ["completeness raised", (d) => (d.sla.completeness!.minPercent = 99.9), [["sla.strengthened", "MINOR", "sla.completeness.minPercent"]]],
  ["accuracy lowered", (d) => (d.sla.accuracy!.minPercent = 95), [["sla.weakened", "MAJOR", "sla.accuracy.minPercent"]]],
  ["late-arrival window increased", (d) => (d.sla.lateArrival!.windowMinutes = 240), [["sla.weakened", "MAJOR", "sla.lateArrival.windowMinutes"]]],
  ["late-arrival window decreased", (d) => (d.sla.lateArrival!.windowMinutes = 60), [["sla.strengthened", "MINOR", "sla.lateArrival.windowMinutes"]]],
  ["target lowered", (d) => (d.sla.freshness!.target = 95), [["sla.weakened", "MAJOR", "sla.freshness.target"]]],
  ["target raised", (d) => (d.sla.accuracy!.target = 99.9), [["sla.strengthened", "MINOR", "sla.accuracy.target"]]],
  ["window lengthened", (d) => (d.sla.completeness!.windowDays = 90), [["sla.weakened", "MAJOR", "sla.completeness.windowDays"]]],
  ["window shortened", (d) => (d.sla.completeness!.windowDays = 7), [["sla.strengthened", "MINOR", "sla.completeness.windowDays"]]],
  ["promise removed", (d) => (d.sla.accuracy = undefined), [["sla.removed", "MAJOR", "sla.accuracy"]]],
  ["promise added", (d) => (d.sla.availability = { minPercent: 99.9, target: 99, windowDays: 28 }), [["sla.added", "MINOR", "sla.availability"]]],
  // not changes
  ["version only", (d) => (d.version = "3.0.0"), []],
  ["fields reordered", (d) => d.schema.fields.reverse(), []],
];

describe("diffContracts: one rule per row", () => {
  it.each(rows)("%s", (_name, mutate, expected) => {
    const diff = diffContracts(base, edit(mutate));
    expect(diff.changes.map((c) => [c.kind, c.class, c.path])).toEqual(expected);
    const want = expected.some(([, c]) => c === "MAJOR") ? "MAJOR" : expected.some(([, c]) => c === "MINOR") ? "MINOR" : expected.length ? "PATCH" : "NONE";
    expect(diff.required).toBe(want);
  });
});

describe("diffContracts: combined changes and messages", () => {
  it("takes the largest class and keeps every change", () => {
    const next = edit((d) => {
      removeField(d, "note");
      d.schema.fields.push({ name: "coupon", type: "integer", required: false });
      d.name = "Orders";
    });
    const diff = diffContracts(base, next);
    expect(diff.required).toBe("MAJOR");
    expect(diff.changes.map((c) => c.class).sort()).toEqual(["MAJOR", "MINOR", "PATCH"]);
  });

  it.each<[string, (d: ContractDocument) => void, string]>([
    ["removal", (d) => removeField(d, "address.city"), "Field `address.city` removed."],
    ["rename", (d) => (field(d, "note").name = "remark"), "Field `note` removed and `remark` added with the same type (string): renamed? Readers of `note` break."],
    ["type change", (d) => (field(d, "placed_on").type = "timestamp"), "Field `placed_on` type changed from date to timestamp."],
    ["required", (d) => (field(d, "amount").required = false), "Field `amount` is no longer required: it may be null."],
    ["enum", (d) => (field(d, "status").enum = ["PLACED"]), "Field `status` no longer takes the value `PAID`."],
    ["freshness", (d) => (d.sla.freshness!.maxAgeMinutes = 120), "Freshness promise weakened: data at most 60 minutes old -> data at most 120 minutes old."],
    ["promise removed", (d) => (d.sla.accuracy = undefined), "Accuracy promise removed (was at least 99% of checks passing, met 99% of the time, over 28 days)."],
  ])("explains a %s precisely", (_name, mutate, message) => {
    expect(diffContracts(base, edit(mutate)).changes[0]!.message).toBe(message);
  });

  it("pairs renames independently of order (alphabetically)", () => {
    const next = edit((d) => {
      field(d, "note").name = "zz_note";
      field(d, "phone").name = "aa_phone";
    });
    const renames = diffContracts(base, next).changes.filter((c) => c.kind === "field.renamed");
    expect(renames.map((c) => c.message.match(/`(\w+)` added/)![1])).toEqual(["aa_phone", "zz_note"]);
  });
});

describe("diffContracts: laws", () => {
  const seed = fc.integer({ min: 1, max: 1_000_000 });

  it("diff(a, a) is empty", () => {
    fc.assert(
      fc.property(documentArb, (a) => {
        expect(diffContracts(a, structuredClone(a))).toEqual({ changes: [], required: "NONE" });
      }),
    );
  });

  const pairArb = fc.oneof(relatedPairArb, fc.tuple(documentArb, documentArb));

  it("finds changes in most related pairs (the generators are not trivial)", () => {
    const samples = fc.sample(relatedPairArb, { numRuns: 200, seed: 42 });
    const withChanges = samples.filter(([a, b]) => diffContracts(a, b).changes.filter((c) => c.kind.startsWith("field.")).length >= 2);
    expect(withChanges.length).toBeGreaterThan(100);
  });

  it("does not depend on field order at any level", () => {
    fc.assert(
      fc.property(pairArb, seed, seed, ([a, b], s1, s2) => {
        const shuffled = (d: ContractDocument, s: number) => ({ ...d, schema: { fields: shuffleFields(d.schema.fields, s) } });
        expect(diffContracts(shuffled(a, s1), shuffled(b, s2))).toEqual(diffContracts(a, b));
      }),
    );
  });

  it("required is the largest class of the changes", () => {
    fc.assert(
      fc.property(pairArb, ([a, b]) => {
        const { changes, required } = diffContracts(a, b);
        const classes = new Set(changes.map((c) => c.class));
        const max = classes.has("MAJOR") ? "MAJOR" : classes.has("MINOR") ? "MINOR" : classes.has("PATCH") ? "PATCH" : "NONE";
        expect(required).toBe(max);
      }),
    );
  });

  // Any pair, plus one known-breaking edit, is never classified below MAJOR.
  type Doc = ContractDocument;
  const withPromises = documentArb.map((a) => ({
    ...a,
    sla: { ...a.sla, freshness: a.sla.freshness ?? { maxAgeMinutes: 60, target: 99, windowDays: 28 }, completeness: a.sla.completeness ?? { minPercent: 99, target: 99, windowDays: 28 } },
  }));
  const fieldsOf = (b: Doc, drop: string, ...extra: SchemaField[]) => ({ fields: [...b.schema.fields.filter((f) => f.name !== drop), ...extra] });
  const breaking: [string, (a: Doc, b: Doc) => Doc][] = [
    ["new required field", (_a, b) => ({ ...b, schema: fieldsOf(b, "", { name: "zzzzzzzzz_new", type: "string", required: true }) })],
    ["field removed", (a, b) => ({ ...b, schema: fieldsOf(b, a.schema.fields[0]!.name) })],
    ["required flipped", (a, b) => ({ ...b, schema: fieldsOf(b, a.schema.fields[0]!.name, { ...a.schema.fields[0]!, required: !a.schema.fields[0]!.required }) })],
    ["freshness weakened", (a, b) => ({ ...b, sla: { ...b.sla, freshness: { ...a.sla.freshness!, maxAgeMinutes: a.sla.freshness!.maxAgeMinutes + 1 } } })],
    ["promise removed", (_a, b) => ({ ...b, sla: { ...b.sla, completeness: undefined } })],
  ];
  it.each(breaking)("a diff containing a MAJOR change (%s) is never classified lower", (_name, breakIt) => {
    fc.assert(
      fc.property(withPromises, documentArb, fc.boolean(), (a, unrelated, related) => {
        const b = related ? a : unrelated;
        const diff = diffContracts(a, breakIt(a, b));
        expect(diff.changes.some((c) => c.class === "MAJOR")).toBe(true);
        expect(diff.required).toBe("MAJOR");
      }),
    );
  });
});
