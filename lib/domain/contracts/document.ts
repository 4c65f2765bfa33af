// The native contract document: zod schema (ZContractDocument) and its types. Parsing canonicalises:
// types lower-cased ("decimal(12,2)"), `required` defaults to false, SLA targets to 99% over 28 days.
import { z } from "zod";
import { ZProductKey } from "../product-key";
import { formatFieldType, hasNestedFields, parseFieldType } from "./field-type";

export const MASKS = ["sha256", "tokenize", "redact"] as const;
export type Mask = (typeof MASKS)[number];

export type SchemaField = {
  name: string;
  type: string;
  required: boolean;
  description?: string;
  tags?: string[];
  mask?: Mask;
  enum?: string[];
  fields?: SchemaField[];
};

export const FIELD_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const text = z.string().trim().min(1, "Must not be empty");

const ZFieldType = z.string().transform((raw, ctx) => {
  const parsed = parseFieldType(raw);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  }
  return formatFieldType(parsed.type);
});

/** Run a refinement even when other parts failed, so every error is reported at once. */
const ALWAYS = { when: () => true };

/** Indexes of repeated strings (non-strings, from partially invalid input, are ignored). */
function duplicates(values: readonly unknown[]): Set<number> {
  const seen = new Set<string>();
  const dupes = new Set<number>();
  values.forEach((v, i) => {
    if (typeof v !== "string") return;
    if (seen.has(v)) dupes.add(i);
    else seen.add(v);
  });
  return dupes;
}

const ZFieldList: z.ZodType<SchemaField[]> = z.lazy(() =>
  z.array(ZSchemaField).superRefine((fields, ctx) => {
    const names = fields.map((f) => f?.name);
    for (const i of duplicates(names)) {
      ctx.addIssue({ code: "custom", path: [i, "name"], message: `Duplicate field name "${names[i]}" at this level` });
    }
  }, ALWAYS),
);

export const ZSchemaField: z.ZodType<SchemaField> = z
  .strictObject({
    name: z.string().regex(FIELD_NAME_PATTERN, "A field name is letters, digits and underscores, not starting with a digit"),
    type: ZFieldType,
    required: z.boolean().default(false),
    description: z.string().optional(),
    tags: z.array(text).optional(),
    mask: z.enum(MASKS).optional(),
    enum: z.array(z.union([z.string(), z.number(), z.boolean()]).transform(String)).min(1).optional(),
    get fields() {
      return ZFieldList.optional();
    },
  })
  .superRefine((field, ctx) => {
    if (typeof field.type !== "string") return;
    const parsed = parseFieldType(field.type);
    const nested = parsed.ok && hasNestedFields(parsed.type);
    if (nested && (field.fields ?? []).length === 0) {
      ctx.addIssue({ code: "custom", path: ["fields"], message: `A ${field.type} field needs nested fields` });
    }
    if (!nested && field.fields !== undefined) {
      ctx.addIssue({ code: "custom", path: ["fields"], message: `Only struct and array<struct> fields have nested fields, not ${field.type}` });
    }
    if (nested && field.enum !== undefined) {
      ctx.addIssue({ code: "custom", path: ["enum"], message: `A ${field.type} field cannot carry enum values` });
    }
    const values = Array.isArray(field.enum) ? field.enum : [];
    for (const i of duplicates(values)) {
      ctx.addIssue({ code: "custom", path: ["enum", i], message: `Duplicate enum value "${values[i]}"` });
    }
  }, ALWAYS);

const percent = z.number().min(0).max(100);
const promise = { target: z.number().gt(0).max(100).default(99), windowDays: z.number().int().min(1).max(366).default(28) };

export const ZSla = z.strictObject({
  freshness: z.strictObject({ maxAgeMinutes: z.number().positive(), ...promise }).optional(),
  completeness: z.strictObject({ minPercent: percent, ...promise }).optional(),
  accuracy: z.strictObject({ minPercent: percent, ...promise }).optional(),
  availability: z.strictObject({ minPercent: percent, ...promise }).optional(),
  lateArrival: z.strictObject({ windowMinutes: z.number().nonnegative(), ...promise }).optional(),
});
export type Sla = z.output<typeof ZSla>;
export type SlaPart = keyof Sla;

export const ZSemantics = z.strictObject({
  summary: text,
  fields: z.record(z.string(), z.string()).default({}),
  rules: z.array(text).default([]),
});
export type Semantics = z.output<typeof ZSemantics>;

/** Where consumers get help (mirrors ODCS `support`): optional, editorial. */
export const ZSupportChannel = z.strictObject({
  channel: text,
  tool: z.string().optional(),
  scope: z.string().optional(),
  url: z.string().optional(),
  description: z.string().optional(),
});
export type SupportChannel = z.output<typeof ZSupportChannel>;

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** Dotted paths of every field, nested included ("address.city"). */
export function fieldPaths(fields: readonly SchemaField[], prefix = ""): string[] {
  return fields.flatMap((f) => [prefix + f.name, ...fieldPaths(f.fields ?? [], `${prefix}${f.name}.`)]);
}

/** Field paths of partially invalid input: whatever parts look like fields. */
function loosePaths(fields: unknown, prefix = ""): string[] {
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((f: { name?: unknown; fields?: unknown } | null) =>
    typeof f?.name === "string" ? [prefix + f.name, ...loosePaths(f.fields, `${prefix}${f.name}.`)] : [],
  );
}

export const ZContractDocument = z
  .strictObject({
    name: text,
    version: z.preprocess(
      (v) => (typeof v === "number" ? String(v) : v),
      z.string().regex(SEMVER, "Version must be MAJOR.MINOR.PATCH, e.g. 2.1.0"),
    ),
    owner: text,
    product: ZProductKey.optional(),
    description: z.string().optional(),
    // An empty field list is allowed: ODCS permits SLA-only contracts (`schema: []`).
    schema: z.strictObject({ fields: ZFieldList }),
    sla: ZSla,
    semantics: ZSemantics,
    support: z.array(ZSupportChannel).optional(),
  })
  .superRefine((doc, ctx) => {
    const meanings = doc?.semantics?.fields;
    if (meanings === null || typeof meanings !== "object" || !Array.isArray(doc.schema?.fields)) return;
    const known = new Set(loosePaths(doc.schema.fields));
    for (const key of Object.keys(meanings)) {
      if (!known.has(key)) {
        ctx.addIssue({ code: "custom", path: ["semantics", "fields", key], message: `Meaning given for "${key}", which is not a field of the schema` });
      }
    }
  }, ALWAYS);

export type ContractDocument = z.output<typeof ZContractDocument>;
export type ContractDocumentInput = z.input<typeof ZContractDocument>;
