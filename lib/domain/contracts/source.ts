// One entry point for a contract as text (YAML or JSON, native or ODCS): detects the format and
// returns the native document, with the ODCS mapping notes, or precise errors.
import { importOdcs, looksLikeOdcs, type OdcsImportOptions } from "../odcs/import";
import type { MappingNote } from "../odcs/notes";
import type { ContractDocument } from "./document";
import { parseYamlText, validateContractData, type ContractError } from "./yaml";

export const SOURCE_FORMATS = ["auto", "native", "odcs"] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];
export type DetectedFormat = "NATIVE" | "ODCS";

export type ParsedSource =
  | { ok: true; format: DetectedFormat; document: ContractDocument; notes: MappingNote[] }
  | { ok: false; format: DetectedFormat | null; errors: ContractError[]; notes: MappingNote[] };

export function parseContractSource(text: string, opts: { format?: SourceFormat } & OdcsImportOptions = {}): ParsedSource {
  if (text.trim() === "") return { ok: false, format: null, errors: [{ path: "", line: null, column: null, message: "The contract is empty" }], notes: [] };
  const parsed = parseYamlText(text);
  if (!parsed.ok) return { ok: false, format: null, errors: parsed.errors, notes: [] };
  const format: DetectedFormat = opts.format === "odcs" || (opts.format !== "native" && looksLikeOdcs(parsed.data)) ? "ODCS" : "NATIVE";
  if (format === "ODCS") {
    const r = importOdcs(parsed.data, { owner: opts.owner, product: opts.product }, parsed.locate);
    return r.ok ? { ok: true, format, document: r.document, notes: r.notes } : { ok: false, format, errors: r.errors, notes: r.notes };
  }
  const r = validateContractData(parsed.data, parsed.locate);
  return r.ok ? { ok: true, format, document: r.document, notes: [] } : { ok: false, format, errors: r.errors, notes: [] };
}

/** Parses a document given as data (a JSON body) or as text. */
export function parseContractInput(input: unknown, opts: { format?: SourceFormat } & OdcsImportOptions = {}): ParsedSource {
  if (typeof input === "string") return parseContractSource(input, opts);
  const format: DetectedFormat = opts.format === "odcs" || (opts.format !== "native" && looksLikeOdcs(input)) ? "ODCS" : "NATIVE";
  if (format === "ODCS") {
    const r = importOdcs(input, opts);
    return r.ok ? { ok: true, format, document: r.document, notes: r.notes } : { ok: false, format, errors: r.errors, notes: r.notes };
  }
  const r = validateContractData(input);
  return r.ok ? { ok: true, format, document: r.document, notes: [] } : { ok: false, format, errors: r.errors, notes: [] };
}
