// Flattens a contract's schema into one row per field (nested fields carry their dotted path),
// in document order: the shape stored as ContractField rows and searched by field name.
import type { ContractDocument, Mask, SchemaField } from "./document";

export type FlatField = {
  path: string;
  name: string;
  type: string;
  required: boolean;
  description: string;
  tags: string[];
  /** The field carries the PII tag (case-insensitive). */
  pii: boolean;
  mask: Mask | null;
  enumValues: string[];
  position: number;
};

export function isPiiTagged(tags: readonly string[] | undefined): boolean {
  return (tags ?? []).some((t) => t.toUpperCase() === "PII");
}

export function flattenFields(document: Pick<ContractDocument, "schema">): FlatField[] {
  const out: FlatField[] = [];
  const walk = (fields: readonly SchemaField[], prefix: string) => {
    for (const f of fields) {
      const path = prefix + f.name;
      out.push({
        path,
        name: f.name,
        type: f.type,
        required: f.required,
        description: f.description ?? "",
        tags: [...(f.tags ?? [])],
        pii: isPiiTagged(f.tags),
        mask: f.mask ?? null,
        enumValues: [...(f.enum ?? [])],
        position: out.length,
      });
      walk(f.fields ?? [], `${path}.`);
    }
  };
  walk(document.schema.fields, "");
  return out;
}
