// tessera contract diff OLD NEW: the classified changes between two documents (the server's diff
// engine), the bump they require, and whether NEW's version makes it. Exit 1 on a semver violation.
import semver from "semver";
import { parseContractSource, SOURCE_FORMATS, type ParsedSource } from "../../../lib/domain/contracts/source";
import { diffContracts } from "../../../lib/domain/contracts/diff";
import { humanChangelog } from "../../../lib/domain/contracts/changelog";
import { checkVersionBump, declaredBump } from "../../../lib/domain/versions/bump";
import type { Change, ChangeClass, RequiredBump } from "../../../lib/domain/contracts/change";
import { CliError, EXIT, oneOf, parse, plural, readInput, type Io } from "../io";

export const DIFF_HELP = `usage: tessera contract diff OLD NEW [options]

Compares two contract documents (native or ODCS v3, each detected) offline, with the diff engine the
server uses: every change with its class (MAJOR, MINOR, PATCH), the bump the changes require, and
whether NEW's declared version makes at least that bump.

options:
  --format text|json|markdown       output (default text; markdown is meant for a pull-request comment)
  --input-format auto|native|odcs   force the format of both documents (default: auto)
  -h, --help                        this help

exit codes: 0 the version satisfies the diff (or nothing changed), 1 semver violation,
            2 usage error, or a file that cannot be read or is not a valid contract`;

export type DiffResult = {
  old: { file: string; version: string };
  new: { file: string; version: string };
  changes: Change[];
  required: RequiredBump;
  declared: ChangeClass | "INITIAL" | null;
  suggested: string | null;
  changelog: string[];
  ok: boolean;
  message: string | null;
  offending: Change[];
};

function load(io: Io, file: string, format: (typeof SOURCE_FORMATS)[number]): Extract<ParsedSource, { ok: true }> {
  const parsed = parseContractSource(readInput(io, file), { format, owner: "(not given)" });
  if (!parsed.ok) {
    const lines = parsed.errors.map((e) => `  ${file}${e.line !== null ? `:${e.line}${e.column !== null ? `:${e.column}` : ""}` : ""}: ${e.path ? `${e.path}: ` : ""}${e.message}`);
    throw new CliError(`${file} is not a valid contract (${plural(parsed.errors.length, "error")}; run \`tessera contract lint ${file}\`):\n${lines.join("\n")}`);
  }
  return parsed;
}

export function diffDocuments(oldFile: string, a: Extract<ParsedSource, { ok: true }>, newFile: string, b: Extract<ParsedSource, { ok: true }>): DiffResult {
  const diff = diffContracts(a.document, b.document);
  const [ov, nv] = [a.document.version, b.document.version];
  const unchanged = diff.changes.length === 0 && ov === nv;
  const check = unchanged ? ({ ok: true, declared: null } as const) : checkVersionBump(ov, nv, diff);
  const bump = diff.required === "MAJOR" ? "major" : diff.required === "MINOR" ? "minor" : "patch";
  return {
    old: { file: oldFile, version: ov },
    new: { file: newFile, version: nv },
    changes: diff.changes,
    required: diff.required,
    declared: check.ok ? check.declared : declaredBump(ov, nv),
    suggested: check.ok || unchanged ? null : semver.inc(ov, bump),
    changelog: humanChangelog(diff.changes),
    ok: check.ok,
    message: check.ok ? null : check.message,
    offending: check.ok ? [] : check.offending,
  };
}

const verdict = (r: DiffResult) =>
  r.ok
    ? r.changes.length === 0 && r.old.version === r.new.version
      ? "No changes."
      : `OK: ${r.new.version} is a ${r.declared} bump from ${r.old.version}; the changes require ${r.required}.`
    : `SEMVER VIOLATION: ${r.message}${r.suggested ? `. Use ${r.suggested} or higher.` : ""}`;

export function diffAsText(r: DiffResult): string {
  const lines = [`${r.old.file} (${r.old.version}) -> ${r.new.file} (${r.new.version})`];
  if (r.changes.length === 0) lines.push("No changes between the documents.");
  else {
    lines.push(`${plural(r.changes.length, "change")}, required bump ${r.required}:`);
    const w = Math.max(...r.changes.map((c) => c.path.length));
    for (const c of r.changes) lines.push(`  ${c.class.padEnd(5)}  ${c.path.padEnd(w)}  ${c.message}${r.offending.includes(c) ? "  <- needs a bigger bump" : ""}`);
  }
  lines.push(verdict(r));
  return `${lines.join("\n")}\n`;
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function diffAsMarkdown(r: DiffResult): string {
  const out = [`### Contract diff: ${r.old.version} → ${r.new.version}`, ""];
  if (!r.ok) out.push(`:x: **Semver violation**: ${cell(r.message ?? "")}${r.suggested ? `. Use **${r.suggested}** or higher.` : ""}`);
  else if (r.changes.length === 0 && r.old.version === r.new.version) out.push(":white_check_mark: No changes.");
  else out.push(`:white_check_mark: **${r.new.version}** is a ${r.declared} bump; the changes require **${r.required}**.`);
  if (r.changes.length > 0) {
    out.push("", "| Class | Path | Change |", "| --- | --- | --- |");
    for (const c of r.changes) out.push(`| ${r.offending.includes(c) ? `**${c.class}**` : c.class} | \`${cell(c.path)}\` | ${cell(c.message)} |`);
    out.push("", "<details><summary>Consumer changelog</summary>", "", ...r.changelog, "", "</details>");
  }
  out.push("", "<sub>Checked by `tessera contract diff`.</sub>");
  return `${out.join("\n")}\n`;
}

export async function contractDiff(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { format: { type: "string" }, "input-format": { type: "string" } });
  if (values.help) return (io.out(`${DIFF_HELP}\n`), EXIT.OK);
  if (positionals.length !== 2) throw new CliError("contract diff takes two files: OLD NEW", EXIT.USAGE, true);
  const output = oneOf(values.format, ["text", "json", "markdown"] as const, "format", "text");
  const inputFormat = oneOf(values["input-format"], SOURCE_FORMATS, "input-format", "auto");
  const [oldFile, newFile] = positionals as [string, string];
  const r = diffDocuments(oldFile, load(io, oldFile, inputFormat), newFile, load(io, newFile, inputFormat));
  io.out(output === "json" ? `${JSON.stringify(r, null, 2)}\n` : output === "markdown" ? diffAsMarkdown(r) : diffAsText(r));
  return r.ok ? EXIT.OK : EXIT.FAILED;
}
