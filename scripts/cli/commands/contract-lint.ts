// tessera contract lint FILE: validates a contract (native or ODCS v3, detected) with the parser the
// server uses; errors and warnings carry the line. Exit 1 on an error, 0 with warnings only.
import { parseContractSource, SOURCE_FORMATS } from "../../../lib/domain/contracts/source";
import { checkMinimumPromises, checkPiiMasked, DEFAULT_CONTRACT_RULES } from "../../../lib/domain/governance/contract-rules";
import { flattenFields } from "../../../lib/domain/contracts/flatten";
import { RELIABILITY_CLASSES, TIERS } from "../../../lib/domain/product-key";
import { CliError, EXIT, oneOf, parse, plural, readInput, type Io } from "../io";
import { fieldDocumentPath, locator, pathSegments } from "../locate";

export const LINT_HELP = `usage: tessera contract lint FILE [options]

Checks a contract document offline: native Tessera YAML/JSON or ODCS v3 (detected). Uses the same
parser and validation as the server; every message carries its line and column.

options:
  --input-format auto|native|odcs   force the document format (default: auto)
  --tier BRONZE|SILVER|GOLD         also check the PII masking rule for this tier (GOLD: error)
  --class OPERATIONAL|DECISION_SUPPORT|EXPLORATORY
                                    also check the minimum promises of this reliability class
  --format text|json|github         output: text (default), json, or GitHub Actions annotations
  -h, --help                        this help

Without --tier, a PII field without a mask is a warning (GOLD products refuse it). Rules use the
default platform settings; \`contract publish --dry-run\` checks against the server's.

exit codes: 0 valid (warnings allowed), 1 errors, 2 usage error or unreadable file`;

export type LintMessage = { severity: "error" | "warning"; rule: string; path: string; line: number | null; column: number | null; message: string };

export function lintText(text: string, opts: { inputFormat?: (typeof SOURCE_FORMATS)[number]; tier?: (typeof TIERS)[number]; reliabilityClass?: (typeof RELIABILITY_CLASSES)[number] } = {}) {
  const source = parseContractSource(text, { format: opts.inputFormat ?? "auto" });
  const locate = locator(text);
  const messages: LintMessage[] = [];
  if (!source.ok) {
    for (const e of source.errors) messages.push({ severity: "error", rule: "contract.document", ...e });
  }
  for (const n of source.notes) messages.push({ severity: "warning", rule: `odcs.${n.kind}`, path: n.path, ...locate(pathSegments(n.path)), message: n.message });
  if (source.ok) {
    const doc = source.document;
    const at = (fieldPath: string) => locate(source.format === "NATIVE" ? fieldDocumentPath(doc.schema.fields, fieldPath) : null);
    const pii = checkPiiMasked({ tier: opts.tier ?? "GOLD", document: doc }, DEFAULT_CONTRACT_RULES);
    const piiIsError = opts.tier !== undefined && DEFAULT_CONTRACT_RULES.maskedPiiTiers.includes(opts.tier);
    if (opts.tier === undefined || piiIsError) {
      for (const v of pii) {
        const message = piiIsError ? v.message : `Field \`${v.path}\` is tagged PII and has no mask: GOLD products refuse it (add \`mask: sha256\`, \`tokenize\` or \`redact\`).`;
        messages.push({ severity: piiIsError ? "error" : "warning", rule: v.rule, path: v.path ?? "", ...at(v.path ?? ""), message });
      }
    }
    if (opts.reliabilityClass) {
      const promises = checkMinimumPromises({ reliabilityClass: opts.reliabilityClass, sla: doc.sla, team: doc.owner, onCallHandle: "(not checked offline)" }, DEFAULT_CONTRACT_RULES);
      const slaAt = locate(source.format === "NATIVE" ? ["sla"] : null);
      for (const v of promises) messages.push({ severity: "error", rule: v.rule, path: v.path ?? "", ...slaAt, message: v.message });
    }
  }
  messages.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { format: source.format, version: source.ok ? source.document.version : null, messages, ok: !messages.some((m) => m.severity === "error") };
}

const where = (file: string, m: LintMessage) => `${file}${m.line !== null ? `:${m.line}${m.column !== null ? `:${m.column}` : ""}` : ""}`;
const escapeAnnotation = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

export async function contractLint(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    "input-format": { type: "string" },
    tier: { type: "string" },
    class: { type: "string" },
    format: { type: "string" },
  });
  if (values.help) return (io.out(`${LINT_HELP}\n`), EXIT.OK);
  if (positionals.length !== 1) throw new CliError("contract lint takes exactly one FILE", EXIT.USAGE, true);
  const file = positionals[0]!;
  const output = oneOf(values.format, ["text", "json", "github"] as const, "format", "text");
  const r = lintText(readInput(io, file), {
    inputFormat: oneOf(values["input-format"], SOURCE_FORMATS, "input-format", "auto"),
    tier: values.tier === undefined ? undefined : oneOf(values.tier.toUpperCase(), TIERS, "tier", "GOLD"),
    reliabilityClass: values.class === undefined ? undefined : oneOf(values.class.toUpperCase(), RELIABILITY_CLASSES, "class", "EXPLORATORY"),
  });
  const errors = r.messages.filter((m) => m.severity === "error").length;
  const warnings = r.messages.length - errors;
  if (output === "json") io.out(`${JSON.stringify({ file, ...r, errors, warnings }, null, 2)}\n`);
  else if (output === "github") {
    for (const m of r.messages) {
      const pos = m.line !== null ? `,line=${m.line}${m.column !== null ? `,col=${m.column}` : ""}` : "";
      io.out(`::${m.severity} file=${file}${pos},title=${m.rule}::${escapeAnnotation(`${m.path ? `${m.path}: ` : ""}${m.message}`)}\n`);
    }
  } else {
    for (const m of r.messages) io.out(`${where(file, m)}: ${m.severity}: ${m.path ? `${m.path}: ` : ""}${m.message} [${m.rule}]\n`);
    const kind = r.format === "ODCS" ? "ODCS v3 document" : r.format === "NATIVE" ? "Tessera contract" : "document";
    io.out(`${file}: ${r.ok ? "valid" : "invalid"} ${kind}${r.version ? ` ${r.version}` : ""}: ${plural(errors, "error")}, ${plural(warnings, "warning")}\n`);
  }
  return r.ok ? EXIT.OK : EXIT.FAILED;
}
