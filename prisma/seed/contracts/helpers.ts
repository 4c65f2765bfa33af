// Authoring helpers for the demo contract histories. A history is a first document and a list of
// edits; every published version's class is computed by the diff engine, never written by hand.

export type FieldDef = {
  name: string;
  type: string;
  required: boolean;
  description: string;
  tags?: string[];
  mask?: string;
  enum?: string[];
  fields?: FieldDef[];
};

export type Sla = {
  freshness: { maxAgeMinutes: number };
  completeness: { minPercent: number };
  accuracy: { minPercent: number };
  availability?: { minPercent: number };
  lateArrival?: { windowMinutes: number };
};

export type Semantics = { summary: string; fields: Record<string, string>; rules: string[] };

/** The native contract document, as authored (validated by the contract schema at seed time). */
export type ContractDoc = {
  name: string;
  version: string;
  owner: string;
  product: string;
  description: string;
  schema: { fields: FieldDef[] };
  sla: Sla;
  semantics: Semantics;
};

export type Step = {
  version: string;
  /** Days before "now" the version was published. */
  daysAgo: number;
  /** Edits the previous document (a deep copy) into this version's document. */
  edit: (doc: ContractDoc) => void;
};

export type ContractHistory = {
  product: string;
  first: ContractDoc;
  firstDaysAgo: number;
  steps: Step[];
};

// ------------------------------------------------------------ field constructors

type Extra = Partial<Pick<FieldDef, "tags" | "mask" | "enum" | "fields">>;

export const req = (name: string, type: string, description: string, extra: Extra = {}): FieldDef => ({ name, type, required: true, description, ...extra });
export const opt = (name: string, type: string, description: string, extra: Extra = {}): FieldDef => ({ name, type, required: false, description, ...extra });
export const PII = ["PII"];

// ------------------------------------------------------------ edits (by dotted path for nested fields)

function listAt(doc: ContractDoc, path: string): { list: FieldDef[]; name: string } {
  const parts = path.split(".");
  let list = doc.schema.fields;
  for (const part of parts.slice(0, -1)) {
    const parent = list.find((f) => f.name === part);
    if (!parent?.fields) throw new Error(`${doc.product}: no nested fields at "${part}" of "${path}"`);
    list = parent.fields;
  }
  return { list, name: parts[parts.length - 1]! };
}

export function field(doc: ContractDoc, path: string): FieldDef {
  const { list, name } = listAt(doc, path);
  const f = list.find((x) => x.name === name);
  if (!f) throw new Error(`${doc.product}: no field "${path}"`);
  return f;
}

/** Adds a field (at the end, or after `after` in the same list). */
export function addField(doc: ContractDoc, f: FieldDef, opts: { parent?: string; after?: string } = {}): void {
  const list = opts.parent ? field(doc, opts.parent).fields! : doc.schema.fields;
  const at = opts.after ? list.findIndex((x) => x.name === opts.after) + 1 : list.length;
  if (opts.after && at === 0) throw new Error(`${doc.product}: no field "${opts.after}"`);
  list.splice(at, 0, f);
}

export function removeField(doc: ContractDoc, path: string): void {
  const { list, name } = listAt(doc, path);
  const i = list.findIndex((x) => x.name === name);
  if (i < 0) throw new Error(`${doc.product}: no field "${path}"`);
  list.splice(i, 1);
}

export function renameField(doc: ContractDoc, path: string, to: string, description?: string): void {
  const f = field(doc, path);
  const meaning = doc.semantics.fields[f.name];
  delete doc.semantics.fields[f.name];
  if (meaning !== undefined) doc.semantics.fields[to] = meaning;
  f.name = to;
  if (description) f.description = description;
}

export function describe(doc: ContractDoc, path: string, description: string): void {
  field(doc, path).description = description;
}

export function addEnumValues(doc: ContractDoc, path: string, ...values: string[]): void {
  const f = field(doc, path);
  f.enum = [...(f.enum ?? []), ...values];
}

export function removeEnumValue(doc: ContractDoc, path: string, value: string): void {
  const f = field(doc, path);
  f.enum = (f.enum ?? []).filter((v) => v !== value);
}

/** The first document of a product (version 1.0.0 unless given). */
export function contract(input: {
  product: string;
  name: string;
  owner: string;
  description: string;
  fields: FieldDef[];
  sla: Sla;
  summary: string;
  meanings?: Record<string, string>;
  rules?: string[];
  version?: string;
}): ContractDoc {
  return {
    name: input.name,
    version: input.version ?? "1.0.0",
    owner: input.owner,
    product: input.product,
    description: input.description,
    schema: { fields: input.fields },
    sla: input.sla,
    semantics: { summary: input.summary, fields: input.meanings ?? {}, rules: input.rules ?? [] },
  };
}

export const sla = (freshness: number, completeness: number, accuracy: number, more: Partial<{ availability: number; lateArrival: number }> = {}): Sla => ({
  freshness: { maxAgeMinutes: freshness },
  completeness: { minPercent: completeness },
  accuracy: { minPercent: accuracy },
  ...(more.availability !== undefined ? { availability: { minPercent: more.availability } } : {}),
  ...(more.lateArrival !== undefined ? { lateArrival: { windowMinutes: more.lateArrival } } : {}),
});
