// YAML in and out for native contracts. parseContractYaml reports YAML syntax errors and schema
// errors with a path and a 1-based line/column; toContractYaml writes the canonical spelling.
import { Document, isCollection, isMap, isNode, isScalar, LineCounter, parseDocument, visit, type Node } from "yaml";
import type { z } from "zod";
import { ZContractDocument, type ContractDocument, type SchemaField } from "./document";

export type ContractError = { path: string; line: number | null; column: number | null; message: string };
export type ContractParseResult = { ok: true; document: ContractDocument } | { ok: false; errors: ContractError[] };

export type Path = readonly PropertyKey[];

/** ["schema","fields",2,"type"] -> "schema.fields[2].type"; odd keys are quoted: fields["a.b"]. */
export function formatPath(path: Path): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === "number") return `${acc}[${key}]`;
    const k = String(key);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) return `${acc}[${JSON.stringify(k)}]`;
    return acc === "" ? k : `${acc}.${k}`;
  }, "");
}

function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The YAML node closest to `path`: the node itself, or its nearest existing ancestor. */
function nodeAt(doc: Document.Parsed, path: Path, keyOnly?: string): Node | null {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
    if (!isNode(node)) continue;
    if (keyOnly !== undefined && n === path.length && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === keyOnly);
      if (pair && isNode(pair.key)) return pair.key;
    }
    return node;
  }
  return null;
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): { path: Path; message: string; key?: string }[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({ path: [...issue.path, key], key, message: `Unknown key "${key}"` }));
  }
  if (issue.code === "invalid_type" && valueAt(data, issue.path) === undefined) {
    const key = issue.path[issue.path.length - 1];
    return [{ path: issue.path, message: key === undefined ? "Required" : `"${String(key)}" is required` }];
  }
  const message = issue.message.replace(/^Invalid input: e/, "E");
  return [{ path: issue.path, message }];
}

export type ParsedYaml =
  | { ok: true; data: unknown; locate: (path: Path, key?: string) => { line: number | null; column: number | null } }
  | { ok: false; errors: ContractError[] };

/** Parses YAML (JSON included) keeping positions: `locate` gives the line/column of a path. */
export function parseYamlText(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return { line: null, column: null };
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    return { ok: false, errors: doc.errors.map((e) => ({ path: "", ...at(e.pos[0]), message: e.message })) };
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) {
    return { ok: false, errors: [{ path: "", line: null, column: null, message: "The contract is empty" }] };
  }
  return { ok: true, data, locate: (path, key) => at(nodeAt(doc, path, key)?.range?.[0]) };
}

export function parseContractYaml(text: string): ContractParseResult {
  const parsed = parseYamlText(text);
  if (!parsed.ok) return parsed;
  return validateContractData(parsed.data, parsed.locate);
}

/**
 * Validates already-parsed data as a native document; `locate` maps a path to its position.
 * `translate` maps a native path to the source document's path (for documents mapped from ODCS).
 */
export function validateContractData(
  data: unknown,
  locate: (path: Path, key?: string) => { line: number | null; column: number | null } = () => ({ line: null, column: null }),
  translate?: (path: Path) => Path,
): ContractParseResult {
  const result = ZContractDocument.safeParse(data);
  if (result.success) return { ok: true, document: result.data };
  const errors = result.error.issues.flatMap((issue) =>
    describeIssue(issue, data).map(({ path, key, message }) => {
      if (translate) {
        const source = translate(path);
        return { path: formatPath(source), ...locate(source), message };
      }
      return { path: formatPath(path), ...locate(key === undefined ? path : path.slice(0, -1), key), message };
    }),
  );
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { ok: false, errors };
}

function canonicalField(f: SchemaField): Record<string, unknown> {
  return {
    name: f.name,
    type: f.type,
    required: f.required,
    description: f.description,
    tags: f.tags,
    mask: f.mask,
    enum: f.enum,
    fields: f.fields?.map(canonicalField),
  };
}

const FLOW_KEYS = new Set(["tags", "enum", "freshness", "completeness", "accuracy", "availability", "lateArrival"]);

const SLA_ORDER: [keyof ContractDocument["sla"], string][] = [
  ["freshness", "maxAgeMinutes"],
  ["completeness", "minPercent"],
  ["accuracy", "minPercent"],
  ["availability", "minPercent"],
  ["lateArrival", "windowMinutes"],
];

/** SLA parts and their keys in a fixed order (documents read back from JSONB lose key order). */
function canonicalSla(sla: ContractDocument["sla"]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [part, measure] of SLA_ORDER) {
    const p = sla[part] as Record<string, number> | undefined;
    if (p) out[part] = { [measure]: p[measure], target: p.target, windowDays: p.windowDays };
  }
  return out;
}

/** Canonical YAML: fixed key order, defaults written out, short lists and SLA parts in flow style. */
export function toContractYaml(document: ContractDocument): string {
  const ordered = {
    name: document.name,
    version: document.version,
    owner: document.owner,
    product: document.product,
    description: document.description,
    schema: { fields: document.schema.fields.map(canonicalField) },
    sla: canonicalSla(document.sla),
    semantics: { summary: document.semantics.summary, fields: document.semantics.fields, rules: document.semantics.rules },
    support: document.support?.map((c) => ({ channel: c.channel, tool: c.tool, scope: c.scope, url: c.url, description: c.description })),
  };
  const doc = new Document(ordered);
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && FLOW_KEYS.has(String(pair.key.value)) && isCollection(pair.value)) pair.value.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
