// ODCS `schema` -> native fields. One object: its properties are the contract's fields. Several
// objects: each becomes a struct field named after it. Quality checks become enums or rules.
import { FIELD_NAME_PATTERN, MASKS, type Mask, type SchemaField } from "../contracts/document";
import { formatPath, type Path } from "../contracts/yaml";
import { scalarType } from "./logical-types";
import { NoteBook, isObj, join, preview, type Obj } from "./notes";
import { describeCheck, enumCheckLosses, enumValues } from "./quality";

export type SchemaState = {
  book: NoteBook;
  rules: string[];
  meanings: Record<string, string>;
  /** Native path (formatted) -> the ODCS path it came from, to place validation errors. */
  origins: Map<string, Path>;
};

type Resolved = { type: string; fields?: SchemaField[]; handled: string[] };

const fmt = (path: Path) => formatPath(path);

function sanitize(raw: string, path: Path, st: SchemaState): string {
  if (FIELD_NAME_PATTERN.test(raw)) return raw;
  const name = (/^[0-9]/.test(raw) ? `_${raw}` : raw).replace(/[^A-Za-z0-9_]/g, "_") || "_";
  st.book.add(fmt([...path, "name"]), "converted", `Field name "${raw}" renamed to \`${name}\` (names are letters, digits and underscores).`);
  return name;
}

function options(p: Obj, path: Path, formatUsed: boolean, st: SchemaState) {
  if (!isObj(p.logicalTypeOptions)) return;
  const rest = Object.keys(p.logicalTypeOptions).filter((k) => !(formatUsed && k === "format"));
  if (rest.length === 0) return;
  const shown = Object.fromEntries(rest.map((k) => [k, (p.logicalTypeOptions as Obj)[k]]));
  st.book.add(fmt([...path, "logicalTypeOptions"]), "not-mapped", `Type options ${preview(shown)} are not kept: contracts carry the logical type only.`);
}

function resolveType(p: Obj, path: Path, nativePath: Path, fieldPath: string, st: SchemaState): Resolved {
  const logical = p.logicalType;
  if (logical === "object" || (logical === undefined && Array.isArray(p.properties))) {
    const props = Array.isArray(p.properties) ? p.properties : [];
    options(p, path, false, st);
    if (props.length === 0) {
      st.book.add(fmt(path), "converted", "An object without properties is imported as a string field (a struct needs nested fields).");
      return { type: "string", handled: ["logicalType", "properties", "logicalTypeOptions"] };
    }
    const fields = props.flatMap((c, i) => mapProperty(c as Obj, [...path, "properties", i], [...nativePath, "fields", i], `${fieldPath}.`, st) ?? []);
    return { type: "struct", fields, handled: ["logicalType", "properties", "logicalTypeOptions"] };
  }
  if (logical === "array" || (logical === undefined && isObj(p.items))) {
    options(p, path, false, st);
    if (!isObj(p.items)) {
      st.book.add(fmt(path), "converted", "An array without `items` is imported as array<string>.");
      return { type: "array<string>", handled: ["logicalType", "items", "logicalTypeOptions"] };
    }
    const itemPath = [...path, "items"];
    const inner = resolveType(p.items, itemPath, nativePath, fieldPath, st);
    st.book.rest(p.items, fmt(itemPath), inner.handled);
    return { type: `array<${inner.type}>`, fields: inner.fields, handled: ["logicalType", "items", "logicalTypeOptions"] };
  }
  const d = scalarType(p);
  if (d.note) st.book.add(fmt(path), "converted", `${d.note[0]!.toUpperCase()}${d.note.slice(1)}.`);
  options(p, path, d.formatUsed, st);
  return { type: d.type, handled: ["logicalType", "logicalTypeOptions", ...(d.physicalUsed ? ["physicalType"] : [])] };
}

function tagsOf(p: Obj, path: Path, st: SchemaState): string[] | undefined {
  let tags = Array.isArray(p.tags) ? p.tags.map((t) => String(t)) : undefined;
  const blank = (tags ?? []).filter((t) => t.trim() === "");
  if (blank.length) {
    st.book.add(fmt([...path, "tags"]), "not-mapped", `${blank.length} blank tag(s) are not kept.`);
    tags = tags!.filter((t) => t.trim() !== "");
  }
  if (typeof p.classification === "string" && p.classification.trim()) {
    const tag = `classification:${p.classification.trim()}`;
    tags = tags ?? [];
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

function quality(p: Obj, path: Path, fieldPath: string, field: SchemaField | null, st: SchemaState) {
  if (!Array.isArray(p.quality)) return;
  p.quality.forEach((q, i) => {
    if (!isObj(q)) return;
    const where = fmt([...path, "quality", i]);
    const values = field ? enumValues(q) : null;
    if (values && field && field.enum === undefined) {
      const unique = [...new Set(values)];
      field.enum = unique;
      const lost = enumCheckLosses(q);
      if (unique.length < values.length) st.book.add(where, "converted", "Repeated valid values were kept once.");
      if (lost.length) st.book.add(where, "converted", `Kept as the enum of \`${fieldPath}\`; not kept: ${lost.join(", ")}.`);
      return;
    }
    const { text, lost } = describeCheck(q);
    const rule = fieldPath ? `${fieldPath}: ${text}` : text;
    st.rules.push(rule);
    st.origins.set(fmt(["semantics", "rules", st.rules.length - 1]), [...path, "quality", i]);
    if (lost.length || (q.type ?? "library") !== "text") {
      st.book.add(where, "converted", `Kept as the semantics rule "${preview(rule)}"${lost.length ? `; not kept: ${lost.join(", ")}` : ""} (the check itself is not run by Tessera).`);
    }
  });
}

function customs(p: Obj, path: Path, fieldPath: string, field: SchemaField, st: SchemaState) {
  if (!Array.isArray(p.customProperties)) return;
  p.customProperties.forEach((c, i) => {
    if (!isObj(c)) return;
    const where = fmt([...path, "customProperties", i]);
    if (c.property === "anonymizationStrategy" && typeof c.value === "string") {
      const v = c.value.toLowerCase();
      if (MASKS.includes(v as Mask)) return void (field.mask = v as Mask);
      if (v === "none") return;
    }
    if (c.property === "businessMeaning" && typeof c.value === "string" && c.value.trim()) {
      st.meanings[fieldPath] = c.value;
      st.origins.set(fmt(["semantics", "fields", fieldPath]), [...path, "customProperties", i]);
      return;
    }
    st.book.add(where, "not-mapped", `Custom property "${String(c.property)}" (${preview(c.value)}) is not kept.`);
  });
}

/** One ODCS property (or object, in several-objects mode) -> one native field. */
export function mapProperty(p: Obj, path: Path, nativePath: Path, prefix: string, st: SchemaState): SchemaField {
  const name = sanitize(String(p.name ?? ""), path, st);
  const fieldPath = prefix + name;
  st.origins.set(fmt(nativePath), path);
  const resolved = resolveType(p, path, nativePath, fieldPath, st);
  const field: SchemaField = { name, type: resolved.type, required: p.required === true };
  if (typeof p.description === "string") field.description = p.description;
  const tags = tagsOf(p, path, st);
  if (tags) field.tags = tags;
  if (resolved.fields) field.fields = resolved.fields;
  customs(p, path, fieldPath, field, st);
  quality(p, path, fieldPath, resolved.fields ? null : field, st);
  st.book.rest(p, fmt(path), [...resolved.handled, "name", "required", "description", "tags", "classification", "customProperties", "quality"]);
  return field;
}

/** The whole `schema` array -> the contract's fields. `used` lists object keys the caller mapped. */
export function mapSchema(schema: unknown, st: SchemaState, used: string[]): SchemaField[] {
  if (!Array.isArray(schema) || schema.length === 0) return [];
  if (schema.length === 1 && isObj(schema[0])) {
    const o = schema[0];
    const props = Array.isArray(o.properties) ? o.properties : [];
    const fields = props.map((p, i) => mapProperty(p as Obj, ["schema", 0, "properties", i], ["schema", "fields", i], "", st));
    quality(o, ["schema", 0], "", null, st);
    if (Array.isArray(o.customProperties)) {
      o.customProperties.forEach((c, i) => isObj(c) && st.book.add(join("schema[0].customProperties", i), "not-mapped", `Custom property "${String(c.property)}" (${preview(c.value)}) is not kept.`));
    }
    st.book.rest(o, "schema[0]", ["properties", "quality", "customProperties", "logicalType", ...used]);
    return fields;
  }
  st.book.add("schema", "converted", `The contract describes ${schema.length} objects: each is imported as a struct field named after it.`);
  return schema.map((o, i) => mapProperty({ ...(o as Obj), logicalType: "object" }, ["schema", i], ["schema", "fields", i], "", st));
}
