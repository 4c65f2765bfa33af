// Schema part of the diff: fields matched by dotted path at every level (see PRODUCT.md, Change class).
// Renames cannot be told from remove+add; a removed/added pair of one type is reported as one MAJOR "renamed?".
import type { Change } from "./change";
import type { SchemaField } from "./document";
import { formatFieldType, hasNestedFields, isWidening, parseFieldType, type FieldType } from "./field-type";
import { isPiiTagged } from "./flatten";

function typeOf(field: SchemaField): FieldType | null {
  const parsed = parseFieldType(field.type);
  return parsed.ok ? parsed.type : null;
}

function typeName(field: SchemaField): string {
  const t = typeOf(field);
  return t ? formatFieldType(t) : field.type;
}

const byName = (a: SchemaField, b: SchemaField) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function diffFieldLists(before: readonly SchemaField[], after: readonly SchemaField[], prefix = ""): Change[] {
  const afterNames = new Set(after.map((f) => f.name));
  const beforeNames = new Set(before.map((f) => f.name));
  const removed = before.filter((f) => !afterNames.has(f.name)).sort(byName);
  const added = after.filter((f) => !beforeNames.has(f.name)).sort(byName);
  const changes: Change[] = [];

  for (const old of removed) {
    const i = added.findIndex((f) => typeName(f) === typeName(old));
    const path = prefix + old.name;
    if (i >= 0) {
      const [twin] = added.splice(i, 1);
      changes.push({ path, kind: "field.renamed", class: "MAJOR", message: `Field \`${path}\` removed and \`${prefix}${twin!.name}\` added with the same type (${typeName(old)}): renamed? Readers of \`${path}\` break.` });
    } else {
      changes.push({ path, kind: "field.removed", class: "MAJOR", message: `Field \`${path}\` removed.` });
    }
  }
  for (const f of added) {
    const path = prefix + f.name;
    changes.push(
      f.required
        ? { path, kind: "field.added-required", class: "MAJOR", message: `New required field \`${path}\` (${typeName(f)}).` }
        : { path, kind: "field.added-optional", class: "MINOR", message: `New optional field \`${path}\` (${typeName(f)}).` },
    );
  }
  for (const old of before) {
    const next = after.find((f) => f.name === old.name);
    if (next) changes.push(...diffField(old, next, prefix + old.name));
  }
  return changes;
}

function diffField(old: SchemaField, next: SchemaField, path: string): Change[] {
  const changes: Change[] = [];
  const push = (kind: Change["kind"], cls: Change["class"], message: string) => changes.push({ path, kind, class: cls, message });
  const [t0, t1] = [typeOf(old), typeOf(next)];

  if (typeName(old) === typeName(next)) {
    if (t1 && hasNestedFields(t1)) changes.push(...diffFieldLists(old.fields ?? [], next.fields ?? [], `${path}.`));
  } else if (t0 && t1 && isWidening(t0, t1)) {
    push("field.type-widened", "MINOR", `Field \`${path}\` type widened from ${typeName(old)} to ${typeName(next)}.`);
  } else {
    push("field.type-changed", "MAJOR", `Field \`${path}\` type changed from ${typeName(old)} to ${typeName(next)}.`);
  }
  if (old.required !== next.required) {
    push("field.required-changed", "MAJOR", `Field \`${path}\` is ${next.required ? "now required" : "no longer required: it may be null"}.`);
  }
  changes.push(...diffEnum(old.enum, next.enum, path));
  changes.push(...diffProtection(old, next, path));
  if ((old.description ?? "") !== (next.description ?? "")) {
    push("field.description-changed", "PATCH", `Description of \`${path}\` changed.`);
  }
  return changes;
}

function diffEnum(old: readonly string[] | undefined, next: readonly string[] | undefined, path: string): Change[] {
  if (old === undefined && next === undefined) return [];
  if (old === undefined) {
    return [{ path, kind: "field.enum-constraint-added", class: "MAJOR", message: `Field \`${path}\` is now restricted to ${next!.map((v) => `\`${v}\``).join(", ")}.` }];
  }
  if (next === undefined) {
    return [{ path, kind: "field.enum-constraint-removed", class: "MINOR", message: `Field \`${path}\` is no longer restricted to a list of values.` }];
  }
  return [
    ...old.filter((v) => !next.includes(v)).map((v): Change => ({ path, kind: "field.enum-value-removed", class: "MAJOR", message: `Field \`${path}\` no longer takes the value \`${v}\`.` })),
    ...next.filter((v) => !old.includes(v)).map((v): Change => ({ path, kind: "field.enum-value-added", class: "MINOR", message: `Field \`${path}\` may now take the value \`${v}\`.` })),
  ];
}

/**
 * Masks change the values readers get (raw vs hashed/tokenized), so adding, changing or removing
 * one is MAJOR. The PII tag drives masking and access policies here and downstream: removing it
 * unprotects the field (MAJOR, a promise weakened); adding it is a promise strengthened (MINOR).
 */
function diffProtection(old: SchemaField, next: SchemaField, path: string): Change[] {
  const changes: Change[] = [];
  const push = (kind: Change["kind"], cls: Change["class"], message: string) => changes.push({ path, kind, class: cls, message });
  if (old.mask && !next.mask) push("field.mask-removed", "MAJOR", `Field \`${path}\` is no longer masked (was ${old.mask}).`);
  if (!old.mask && next.mask) push("field.mask-added", "MAJOR", `Field \`${path}\` is now masked with ${next.mask}: its values change.`);
  if (old.mask && next.mask && old.mask !== next.mask) push("field.mask-changed", "MAJOR", `Field \`${path}\` mask changed from ${old.mask} to ${next.mask}: its values change.`);
  const [pii0, pii1] = [isPiiTagged(old.tags), isPiiTagged(next.tags)];
  if (pii0 && !pii1) push("field.pii-tag-removed", "MAJOR", `Field \`${path}\` is no longer tagged PII.`);
  if (!pii0 && pii1) push("field.pii-tag-added", "MINOR", `Field \`${path}\` is now tagged PII.`);
  const plain = (tags: readonly string[] | undefined) => [...new Set((tags ?? []).filter((t) => !isPiiTagged([t])))].sort().join("\u0000");
  if (plain(old.tags) !== plain(next.tags)) push("field.tags-changed", "PATCH", `Tags of \`${path}\` changed.`);
  return changes;
}
