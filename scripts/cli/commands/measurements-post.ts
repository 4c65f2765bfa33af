// tessera measurements post FILE.jsonl: one measurement per line, sent in batches; resumable (a
// state file next to the input records the last acknowledged line) and safe to re-send (every item
// has an idempotency key, derived from the line's content when it carries none).
import path from "node:path";
import { CliError, EXIT, parse, plural, readInput, type Io } from "../io";
import { DEFAULT_RETRY, describeError, request, serverUrl, tokenFrom } from "../http";
import { derivedKey, prefixHash, readState, STATE_SUFFIX, writeState } from "../measurement-state";

export { derivedKey, STATE_SUFFIX };

export const MEASUREMENTS_HELP = `usage: tessera measurements post FILE.jsonl --url URL [options]

Posts SLO measurements, one JSON object per line:
  {"product":"orders.order_facts.gold","objective":"FRESHNESS","value":12,"observedAt":"2026-11-21T10:00:00Z"}
(idempotencyKey is optional: without one, a key is derived from the line's content, so sending a
line twice stores it once). Lines go in batches to POST /api/v1/measurements; each batch is retried
with backoff on 429, 5xx and network errors. After each acknowledged batch, FILE.jsonl.tessera-state
records the last line sent, and the next run starts after it: re-run the same command after an
interruption, or after appending lines. Rejected items are reported with their line number.

options:
  --url URL             the Tessera server (or TESSERA_URL)
  --token-env NAME      the variable holding the API token (default TESSERA_TOKEN); the token
                        needs the measurements:write scope
  --batch-size N        lines per request (default 1000, at most 5000)
  --retries N           retries of a failed request (default 5)
  --restart             ignore the state file and send every line again (harmless)
  --quiet               no progress lines, only the summary
  -h, --help            this help

exit codes: 0 every line stored (or already stored), 1 some lines rejected or not JSON,
            2 usage, authentication or network error (the state file keeps the progress)`;

function intOption(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`--${name} must be a whole number from ${min} to ${max} (got "${value}")`, EXIT.USAGE, true);
  return n;
}

type Rejected = { line: number; code: string; message: string };

export async function measurementsPost(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    url: { type: "string" },
    "token-env": { type: "string" },
    "batch-size": { type: "string" },
    retries: { type: "string" },
    restart: { type: "boolean" },
    quiet: { type: "boolean" },
  });
  if (values.help) return (io.out(`${MEASUREMENTS_HELP}\n`), EXIT.OK);
  if (positionals.length !== 1) throw new CliError("measurements post takes exactly one FILE.jsonl", EXIT.USAGE, true);
  const batchSize = intOption(values["batch-size"], "batch-size", 1000, 1, 5000);
  const retries = intOption(values.retries, "retries", DEFAULT_RETRY.retries, 0, 20);
  const base = serverUrl(io, values.url);
  const token = tokenFrom(io, values["token-env"]);
  const input = positionals[0]!;
  const lines = readInput(io, input).split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  const progress = (s: string) => values.quiet || io.err(s);

  const stateFile = path.resolve(io.cwd, `${input}${STATE_SUFFIX}`);
  let start = 0;
  const saved = values.restart ? null : readState(stateFile);
  if (saved) {
    if (saved.line > lines.length || prefixHash(lines, saved.line) !== saved.prefixSha256) {
      throw new CliError(`${input} changed in its first ${saved.line} lines since they were sent (state in ${path.basename(stateFile)}): run again with --restart to send every line (harmless: the server skips what it already has).`);
    }
    start = saved.line;
    if (start > 0) progress(`Resuming after line ${start} (${path.basename(stateFile)}).\n`);
  }

  // Parse the remaining lines; lines that are not JSON objects are reported and not sent.
  const rejected: Rejected[] = [];
  const items: { line: number; item: Record<string, unknown> }[] = [];
  for (let i = start; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (text === "") continue;
    let item: unknown;
    try {
      item = JSON.parse(text);
    } catch (e) {
      rejected.push({ line: i + 1, code: "not_json", message: (e as Error).message });
      continue;
    }
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      rejected.push({ line: i + 1, code: "not_json", message: "A line must be one JSON object" });
      continue;
    }
    const m = item as Record<string, unknown>;
    items.push({ line: i + 1, item: m.idempotencyKey === undefined ? { ...m, idempotencyKey: derivedKey(m) } : m });
  }

  const url = new URL("api/v1/measurements", base.href.endsWith("/") ? base : `${base.href}/`);
  const totals = { sent: 0, accepted: 0, duplicates: 0 };
  const policy = { ...DEFAULT_RETRY, retries };
  const save = (line: number) => writeState(stateFile, { version: 1, input: path.basename(input), line, prefixSha256: prefixHash(lines, line), updatedAt: new Date().toISOString() });
  const t0 = Date.now();
  for (let b = 0; b < items.length; b += batchSize) {
    const batch = items.slice(b, b + batchSize);
    const first = batch[0]!.line;
    const last = batch.at(-1)!.line;
    let res;
    try {
      res = await request(io, {
        url,
        method: "POST",
        token,
        body: JSON.stringify({ measurements: batch.map((x) => x.item) }),
        contentType: "application/json",
        policy,
        onRetry: (why, ms, n) => progress(`lines ${first}-${last}: ${why}, retrying in ${(ms / 1000).toFixed(1)} s (attempt ${n + 1} of ${retries + 1})\n`),
      });
    } catch (e) {
      if (e instanceof CliError) throw new CliError(`${e.message}\nLines up to ${b === 0 ? start : items[b - 1]!.line} are acknowledged; run the same command again to resume.`);
      throw e;
    }
    if (res.status !== 200) {
      const hint = res.status === 401 ? "\nCheck the token: it may be mistyped, revoked or expired." : res.status === 403 ? "\nCheck the token: it needs the measurements:write scope of the team owning these products." : "";
      throw new CliError(`lines ${first}-${last}: ${describeError(res)}${hint}\nLines up to ${b === 0 ? start : items[b - 1]!.line} are acknowledged; run the same command again to resume.`);
    }
    const r = res.body as { received: number; accepted: number; duplicates: number; rejected: { index: number; code: string; message: string }[] };
    for (const x of r.rejected) rejected.push({ line: batch[x.index]?.line ?? 0, code: x.code, message: x.message });
    totals.sent += batch.length;
    totals.accepted += r.accepted;
    totals.duplicates += r.duplicates;
    // Acknowledged: everything up to the batch's last line (blank and non-JSON lines included).
    const acknowledged = b + batchSize >= items.length ? lines.length : items[b + batchSize]!.line - 1;
    save(acknowledged);
    const pct = Math.round((totals.sent / items.length) * 100);
    progress(`lines ${first}-${last}: ${r.accepted} accepted, ${r.duplicates} duplicates, ${r.rejected.length} rejected (${totals.sent}/${items.length}, ${pct}%)\n`);
  }
  if (items.length === 0) {
    if (lines.length > start) save(lines.length);
    progress(start >= lines.length && rejected.length === 0 ? `Nothing to send: every line of ${input} was sent already.\n` : "");
  }
  rejected.sort((a, b) => a.line - b.line);
  for (const r of rejected.slice(0, 50)) io.out(`${input}:${r.line}: ${r.code}: ${r.message}\n`);
  if (rejected.length > 50) io.out(`... and ${rejected.length - 50} more rejected lines\n`);
  const secs = (Date.now() - t0) / 1000;
  io.out(
    `${input}: ${plural(totals.sent, "measurement")} sent${start > 0 ? ` (resumed after line ${start})` : ""} in ${secs.toFixed(1)} s: ${totals.accepted} accepted, ${totals.duplicates} already stored, ${rejected.length} rejected.\n`,
  );
  return rejected.length > 0 ? EXIT.FAILED : EXIT.OK;
}
