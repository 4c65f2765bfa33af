// ODCS v3 -> native contract document. The document is first validated against the ODCS JSON
// Schema, then mapped part by part; every part that does not map is named in `notes` (see
// docs/contracts.md for the table). Mapping is deterministic, so import(export(d)) = d.
import type { ContractDocument } from "../contracts/document";
import { formatPath, parseYamlText, validateContractData, type ContractError, type Path } from "../contracts/yaml";
import { mapSchema, type SchemaState } from "./import-schema";
import { NoteBook, isObj, preview, type MappingNote, type Obj } from "./notes";
import { mapSla } from "./sla";
import { validateOdcs } from "./validate";

export type OdcsImportOptions = {
  /** Owner when the document names no team (the product's team when publishing). */
  owner?: string;
  /** Product key when the document carries none (the product published to). */
  product?: string;
};
export type OdcsImportResult =
  | { ok: true; document: ContractDocument; notes: MappingNote[] }
  | { ok: false; errors: ContractError[]; notes: MappingNote[] };

type Locate = (path: Path, key?: string) => { line: number | null; column: number | null };
const nowhere: Locate = () => ({ line: null, column: null });

/** Tessera's own top-level custom properties (written by export). */
const PRODUCT_KEY = "dataProductKey";
const SLO_TARGETS = "sloTargets";

const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v : undefined);

function topCustom(d: Obj, book: NoteBook, origins: Map<string, Path>) {
  let product: string | undefined;
  let targets: Obj | undefined;
  if (!Array.isArray(d.customProperties)) return { product, targets };
  d.customProperties.forEach((c, i) => {
    if (!isObj(c)) return;
    if (c.property === PRODUCT_KEY && typeof c.value === "string") {
      product = c.value;
      origins.set("product", ["customProperties", i]);
    } else if (c.property === SLO_TARGETS && isObj(c.value)) {
      targets = c.value;
    } else {
      book.add(`customProperties[${i}]`, "not-mapped", `Custom property "${String(c.property)}" (${preview(c.value)}) is not kept.`);
    }
  });
  return { product, targets };
}

function mapSupport(d: Obj, book: NoteBook, origins: Map<string, Path>): Obj[] | undefined {
  if (!Array.isArray(d.support)) return undefined;
  return d.support.filter(isObj).map((s, i) => {
    origins.set(`support[${i}]`, ["support", i]);
    book.rest(s, `support[${i}]`, ["channel", "tool", "scope", "url", "description"]);
    const keep = ["channel", "tool", "scope", "url", "description"].filter((k) => typeof s[k] === "string");
    return Object.fromEntries(keep.map((k) => [k, s[k]]));
  });
}

function mapOwner(d: Obj, opts: OdcsImportOptions, book: NoteBook, origins: Map<string, Path>): string {
  const team = d.team;
  if (isObj(team)) {
    book.rest(team, "team", ["name"]);
    if (str(team.name)) {
      origins.set("owner", ["team", "name"]);
      return team.name as string;
    }
  } else if (Array.isArray(team) && team.length) {
    book.add("team", "not-mapped", `The deprecated list form of \`team\` (${team.length} members) names no team: not kept; team members are managed in Tessera's teams.`);
  }
  const owner = opts.owner ?? "unknown";
  book.add("team", "defaulted", `No team name: the owner is set to \`${owner}\`${opts.owner ? " (the product's team)" : ""}.`);
  return owner;
}

function mapName(d: Obj, book: NoteBook, origins: Map<string, Path>, handled: string[]): string {
  if (str(d.name)) {
    origins.set("name", ["name"]);
    return d.name as string;
  }
  const objectName = Array.isArray(d.schema) && isObj(d.schema[0]) ? str(d.schema[0].name) : undefined;
  const [name, from] = str(d.dataProduct) ? [d.dataProduct as string, "dataProduct"] : objectName ? [objectName, "schema[0].name"] : [String(d.id), "id"];
  if (from === "dataProduct") handled.push("dataProduct");
  book.add(from, "defaulted", `No contract name: taken from \`${from}\` ("${name}").`);
  return name;
}

function mapOdcs(d: Obj, opts: OdcsImportOptions) {
  const book = new NoteBook();
  const origins = new Map<string, Path>([["version", ["version"]]]);
  const handled = ["apiVersion", "kind", "version", "name", "team", "description", "schema", "slaProperties", "support", "customProperties"];
  const custom = topCustom(d, book, origins);
  const name = mapName(d, book, origins, handled);
  const description = isObj(d.description) ? d.description : {};
  if (isObj(d.description)) book.rest(description, "description", ["purpose", "usage"]);
  const purpose = typeof description.purpose === "string" ? description.purpose : undefined;
  if (purpose !== undefined) origins.set("description", ["description", "purpose"]);
  const objectDescription = Array.isArray(d.schema) && d.schema.length === 1 && isObj(d.schema[0]) ? str(d.schema[0].description) : undefined;
  const usedObject: string[] = [];
  let summary = str(description.usage);
  if (summary) origins.set("semantics.summary", ["description", "usage"]);
  else {
    const [value, from] = str(purpose) ? [purpose!, "description.purpose"] : objectDescription ? [objectDescription, "schema[0].description"] : [name, "the contract name"];
    if (from === "schema[0].description") usedObject.push("description");
    summary = value;
    book.add("description.usage", "defaulted", `No \`description.usage\`: the business summary is taken from ${from.includes(".") ? `\`${from}\`` : from}.`);
  }
  const st: SchemaState = { book, rules: [], meanings: {}, origins };
  const fields = mapSchema(d.schema, st, usedObject);
  const native = {
    name,
    version: d.version,
    owner: mapOwner(d, opts, book, origins),
    product: custom.product ?? opts.product,
    description: purpose,
    schema: { fields },
    sla: mapSla(d.slaProperties, custom.targets, book, origins),
    semantics: { summary, fields: st.meanings, rules: st.rules },
    support: mapSupport(d, book, origins),
  };
  book.rest(d, "", handled);
  return { native, notes: book.notes, origins };
}

const KEY_NAMES: Record<string, string> = { type: "logicalType", enum: "quality", mask: "customProperties", fields: "properties" };

/** ODCS `data` -> native document, or precise errors (schema errors first, then mapping errors). */
export function importOdcs(data: unknown, opts: OdcsImportOptions = {}, locate: Locate = nowhere): OdcsImportResult {
  const valid = validateOdcs(data);
  if (!valid.ok) {
    const errors = valid.errors.map((e) => ({ path: formatPath(e.path), ...locate(e.key ? e.path.slice(0, -1) : e.path, e.key), message: e.message }));
    return { ok: false, errors, notes: [] };
  }
  const { native, notes, origins } = mapOdcs(data as Obj, opts);
  const translate = (path: Path): Path => {
    for (let n = path.length; n > 0; n--) {
      const origin = origins.get(formatPath(path.slice(0, n)));
      if (!origin) continue;
      const rest = path.slice(n).map((k) => (typeof k === "string" ? (KEY_NAMES[k] ?? k) : k));
      return n === path.length || path[0] !== "schema" ? origin : [...origin, rest[0]!];
    }
    return [];
  };
  const result = validateContractData(native, locate, translate);
  return result.ok ? { ok: true, document: result.document, notes } : { ok: false, errors: result.errors, notes };
}

export function importOdcsYaml(text: string, opts: OdcsImportOptions = {}): OdcsImportResult {
  const parsed = parseYamlText(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, notes: [] };
  return importOdcs(parsed.data, opts, parsed.locate);
}

/** True when parsed data looks like ODCS (apiVersion + kind DataContract) rather than native. */
export function looksLikeOdcs(data: unknown): boolean {
  return isObj(data) && ("apiVersion" in data || data.kind === "DataContract") && !isObj(data.schema);
}
