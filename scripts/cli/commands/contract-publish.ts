// tessera contract publish FILE --product KEY --url URL [--dry-run]: sends the document to the
// server's publish API, which applies every rule (semver, governance, subscribers, deprecations).
import { SOURCE_FORMATS } from "../../../lib/domain/contracts/source";
import type { PublishReport } from "../../../lib/domain/contracts/publish-check";
import { CliError, EXIT, oneOf, parse, plural, readInput, type Io } from "../io";
import { DEFAULT_RETRY, describeError, request, serverUrl, tokenFrom } from "../http";

export const PUBLISH_HELP = `usage: tessera contract publish FILE --product KEY --url URL [options]

Publishes a contract version (native or ODCS v3) to a product, or with --dry-run only checks it
against the server's rules: the diff against the previous version and the semver verdict, the
governance rules, and the impact (subscribers whose pins would receive breaking changes, pins left
on an older major, active deprecation notices). A dry run writes nothing.

options:
  --product KEY                     the product, e.g. orders.order_facts.gold (required)
  --url URL                         the Tessera server (or TESSERA_URL)
  --dry-run                         check only, publish nothing
  --token-env NAME                  the variable holding the API token (default TESSERA_TOKEN);
                                    the token needs the contracts:write scope of the owning team
  --input-format auto|native|odcs   force the document format (default: auto)
  --format text|json                output (json: the server's response)
  -h, --help                        this help

exit codes: 0 published (or the dry run passes), 1 refused (invalid document, version taken,
            semver or governance rule), 2 usage, authentication, unknown product or network error`;

type Impact = NonNullable<PublishReport["impact"]>;

function impactLines(impact: Impact | null | undefined): string[] {
  if (!impact) return [];
  const out = ["Impact:"];
  if (impact.subscribers.length === 0) out.push("  no active subscribers");
  for (const s of impact.subscribers) {
    const move = s.from === s.to ? `stays on ${s.from ?? "nothing"}` : `${s.from ?? "nothing"} -> ${s.to ?? "nothing"}`;
    const effect =
      s.effect === "BREAKS" ? `BREAKS: ${s.breakingChanges.join("; ")}` : s.effect === "NEW_MAJOR" ? "stays on the older major (moves the pin to get this version)" : s.effect === "UPGRADES" ? "upgrades (compatible)" : s.effect === "REVIVES" ? "revives a broken subscription" : "unchanged";
    out.push(`  ${s.consumerTeam} (${s.pinRange}): ${move}, ${effect}`);
  }
  if (impact.breaks > 0) out.push(`  ${plural(impact.breaks, "subscriber")} would receive breaking changes through ${impact.breaks === 1 ? "its" : "their"} pin`);
  if (impact.deprecations.length === 0) out.push("  no active deprecation notices");
  for (const d of impact.deprecations) {
    out.push(
      `  deprecation of ${d.targetRange ?? "the whole product"}, sunset ${d.sunsetAt.slice(0, 10)}${d.reason ? ` (${d.reason})` : ""}: covers ${d.subscribers.length ? d.subscribers.join(", ") : "no subscriber"}${d.coversNewVersion ? "; the new version falls inside it" : ""}`,
    );
  }
  return out;
}

export function reportAsText(report: PublishReport, opts: { dryRun: boolean; status: number; published?: { version: string } | null }): string {
  const lines: string[] = [];
  const head = `${report.product}: ${opts.dryRun ? "dry run of" : "publish of"} ${report.version ?? "(invalid document)"}${report.format ? ` (${report.format})` : ""}`;
  lines.push(report.previous ? `${head} against ${report.previous}` : report.version ? `${head}, the first version` : head);
  if (report.version) {
    lines.push(`Required bump: ${report.required}; declared: ${report.declared ?? "none (not greater than the previous version)"}`);
    if (report.changes.length === 0) lines.push("Changes: none");
    else {
      lines.push(`Changes (${report.changes.length}):`);
      const w = Math.max(...report.changes.map((c) => c.path.length));
      for (const c of report.changes) lines.push(`  ${c.class.padEnd(5)}  ${c.path.padEnd(w)}  ${c.message}`);
    }
  }
  if (report.violations.length > 0) {
    lines.push(`Violations (${report.violations.length}):`);
    for (const v of report.violations) lines.push(`  [${v.rule}] ${v.path ? `${v.path}${v.line ? ` (line ${v.line}${v.column ? `, column ${v.column}` : ""})` : ""}: ` : ""}${v.message}`);
  }
  if (report.warnings?.length) {
    lines.push(`Warnings (${report.warnings.length}): promises the hard upstreams cannot back`);
    for (const w of report.warnings) lines.push(`  [${w.objective.toLowerCase()}] ${w.message}`);
  }
  lines.push(...impactLines(report.impact));
  if (report.notes.length > 0) {
    lines.push(`ODCS mapping notes (${report.notes.length}):`);
    for (const n of report.notes) lines.push(`  ${n.kind}: ${n.path}: ${n.message}`);
  }
  if (report.bestEffort) lines.push("Best effort: an EXPLORATORY product, no minimum promises.");
  if (report.ok) lines.push(opts.dryRun ? `OK: ${report.version} can be published (dry run: nothing written).` : `Published ${opts.published?.version ?? report.version}.`);
  else lines.push(`Refused: ${report.version ?? "the document"} ${opts.dryRun ? "would not be published" : "was not published"} (HTTP ${opts.status}).`);
  return `${lines.join("\n")}\n`;
}

export async function contractPublish(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    product: { type: "string" },
    url: { type: "string" },
    "dry-run": { type: "boolean" },
    "token-env": { type: "string" },
    "input-format": { type: "string" },
    format: { type: "string" },
  });
  if (values.help) return (io.out(`${PUBLISH_HELP}\n`), EXIT.OK);
  if (positionals.length !== 1) throw new CliError("contract publish takes exactly one FILE", EXIT.USAGE, true);
  if (!values.product) throw new CliError("--product KEY is required (e.g. --product orders.order_facts.gold)", EXIT.USAGE, true);
  const output = oneOf(values.format, ["text", "json"] as const, "format", "text");
  const inputFormat = oneOf(values["input-format"], SOURCE_FORMATS, "input-format", "auto");
  const base = serverUrl(io, values.url);
  const token = tokenFrom(io, values["token-env"]);
  const text = readInput(io, positionals[0]!);
  if (!text.trim()) throw new CliError(`${positionals[0]} is empty`);
  const dryRun = values["dry-run"] === true;

  const url = new URL(`api/v1/products/${encodeURIComponent(values.product)}/contracts`, base.href.endsWith("/") ? base : `${base.href}/`);
  if (dryRun) url.searchParams.set("dryRun", "true");
  if (inputFormat !== "auto") url.searchParams.set("format", inputFormat);
  // A real publish is retried only where the server did not act (429, 503), never after a lost answer.
  const policy = dryRun ? DEFAULT_RETRY : { ...DEFAULT_RETRY, retryNetwork: false, retryStatuses: [429, 503] };
  const res = await request(io, {
    url,
    method: "POST",
    token,
    body: text,
    contentType: "application/yaml",
    policy,
    onRetry: (why, ms, n) => io.err(`${why}: retrying in ${(ms / 1000).toFixed(1)} s (attempt ${n + 1})\n`),
  });
  const body = res.body as { report?: PublishReport; published?: { version: string } | null } | null;
  if (!body?.report) {
    io.err(`${describeError(res)}\n`);
    if (res.status === 401) io.err("Check the token: it may be mistyped, revoked or expired.\n");
    if (res.status === 403) io.err(`Check the token: it needs the contracts:write scope of the team owning ${values.product}.\n`);
    return res.status === 400 ? EXIT.FAILED : EXIT.USAGE;
  }
  if (output === "json") io.out(`${JSON.stringify(res.body, null, 2)}\n`);
  else io.out(reportAsText(body.report, { dryRun, status: res.status, published: body.published }));
  return res.status < 300 && body.report.ok ? EXIT.OK : EXIT.FAILED;
}
