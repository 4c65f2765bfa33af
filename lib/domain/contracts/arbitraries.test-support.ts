// fast-check generators of valid contract documents, shared by the contract tests (not shipped).
import fc from "fast-check";
import { MASKS, type ContractDocument, type SchemaField, type Sla } from "./document";

const nameArb = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/);
const scalarType = fc.constantFrom(
  "string", "integer", "bigint", "float", "double", "boolean", "date", "timestamp",
  "decimal(12,2)", "decimal(18,4)", "array<string>", "array<integer>",
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

function fieldArb(depth: number): fc.Arbitrary<SchemaField> {
  const base = fc.record({
    name: nameArb,
    required: fc.boolean(),
    description: optional(fc.string({ maxLength: 20 })),
    tags: optional(fc.subarray(["PII", "finance", "core"], { minLength: 1 })),
    mask: optional(fc.constantFrom(...MASKS)),
  });
  const scalar = fc.record({ type: scalarType, enum: optional(fc.uniqueArray(fc.constantFrom("A", "B", "C", "D"), { minLength: 1 })) });
  if (depth === 0) return fc.tuple(base, scalar).map(([b, s]) => ({ ...b, ...s }));
  const nested = fc.record({ type: fc.constantFrom("struct", "array<struct>"), fields: fieldsArb(depth - 1) });
  return fc.tuple(base, fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 1, arbitrary: nested })).map(([b, s]) => ({ ...b, ...s }));
}

export function fieldsArb(depth = 2): fc.Arbitrary<SchemaField[]> {
  return fc.uniqueArray(fieldArb(depth), { selector: (f) => f.name, minLength: 1, maxLength: 5 });
}

const promise = { target: fc.constantFrom(95, 99, 99.9), windowDays: fc.constantFrom(7, 28, 30) };
const pct = fc.integer({ min: 900, max: 1000 }).map((n) => n / 10);
export const slaArb: fc.Arbitrary<Sla> = fc.record(
  {
    freshness: fc.record({ maxAgeMinutes: fc.integer({ min: 1, max: 1440 }), ...promise }),
    completeness: fc.record({ minPercent: pct, ...promise }),
    accuracy: fc.record({ minPercent: pct, ...promise }),
    availability: fc.record({ minPercent: pct, ...promise }),
    lateArrival: fc.record({ windowMinutes: fc.integer({ min: 0, max: 600 }), ...promise }),
  },
  { requiredKeys: [] },
);

export const documentArb: fc.Arbitrary<ContractDocument> = fc.record({
  name: fc.constantFrom("Order facts", "Customer profile", "Payments"),
  version: fc.tuple(fc.nat(5), fc.nat(5), fc.nat(5)).map(([a, b, c]) => `${a}.${b}.${c}`),
  owner: fc.constantFrom("orders", "customer", "Team Billing"),
  product: optional(fc.constantFrom("orders.order_facts.gold", "customer.profile.silver")),
  description: optional(fc.string({ maxLength: 30 })),
  schema: fc.record({ fields: fieldsArb() }),
  sla: slaArb,
  semantics: fc.record({
    summary: fc.constantFrom("One row per order", "Customers"),
    fields: fc.constant({}),
    rules: fc.subarray(["an order has one customer", "amounts are in EUR"]),
  }),
  support: optional(
    fc.array(
      fc.record({ channel: fc.constantFrom("#orders-data", "data@example.com"), tool: optional(fc.constantFrom("slack", "email")), scope: optional(fc.constantFrom("interactive", "issues")) }),
      { minLength: 1, maxLength: 2 },
    ),
  ),
});

/** The same document with fields (at every level) in another order. */
export function shuffleFields(fields: readonly SchemaField[], seed: number): SchemaField[] {
  const out = fields.map((f) => (f.fields ? { ...f, fields: shuffleFields(f.fields, seed * 31 + 7) } : f));
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const SCALARS = ["string", "integer", "bigint", "float", "double", "date", "timestamp", "decimal(12,2)", "decimal(18,4)"];

/** Edits fields at every level, driven by a stream of random numbers: most fields stay comparable. */
function editFields(fields: readonly SchemaField[], next: () => number): SchemaField[] {
  const out: SchemaField[] = [];
  for (const f of fields) {
    const r = next() % 10;
    const edited: SchemaField = { ...f, fields: f.fields ? editFields(f.fields, next) : undefined };
    if (r === 1) edited.required = !f.required;
    if (r === 2 && !f.fields) edited.type = SCALARS[next() % SCALARS.length]!;
    if (r === 3) continue; // dropped
    if (r === 4) edited.description = `${f.description ?? ""} (edited)`;
    if (r === 5) edited.tags = f.tags?.includes("PII") ? f.tags.filter((t) => t !== "PII") : [...(f.tags ?? []), "PII"];
    if (r === 6) edited.mask = f.mask ? undefined : "sha256";
    if (r === 7 && !f.fields) edited.enum = f.enum && f.enum.length > 1 ? f.enum.slice(1) : ["A", "B"];
    if (r === 8) edited.name = `${f.name}_renamed`;
    out.push(edited);
  }
  if (next() % 3 === 0) out.push({ name: "zz_added", type: "string", required: next() % 2 === 0 });
  return out;
}

/** Two versions of one contract: the second edited from the first, so most fields match by path. */
export const relatedPairArb: fc.Arbitrary<[ContractDocument, ContractDocument]> = fc
  .tuple(documentArb, fc.array(fc.nat(), { minLength: 64, maxLength: 64 }), slaArb, fc.boolean())
  .map(([a, stream, otherSla, swapSla]) => {
    let i = 0;
    const next = () => stream[i++ % stream.length]! + i;
    const b = { ...a, schema: { fields: editFields(a.schema.fields, next) }, sla: swapSla ? otherSla : a.sla };
    return [a, b];
  });
