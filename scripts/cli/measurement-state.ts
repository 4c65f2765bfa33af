// The resume state of `measurements post` (a small JSON file next to the input) and the
// idempotency keys derived from a line's content.
import { createHash } from "node:crypto";
import fs from "node:fs";

export const STATE_SUFFIX = ".tessera-state";
export type State = { version: 1; input: string; line: number; prefixSha256: string; updatedAt: string };

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Stable JSON (sorted keys) so the same measurement always gets the same derived key. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(",")}]`;
  if (v !== null && typeof v === "object") {
    return `{${Object.keys(v as object).sort().map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

export function derivedKey(item: Record<string, unknown>): string {
  const { idempotencyKey: _ignored, ...rest } = item;
  return `cli-${sha256(stable(rest)).slice(0, 40)}`;
}

/** Hash of the first `line` lines, so a resumed run notices when the already-sent part changed. */
export function prefixHash(lines: readonly string[], line: number): string {
  return sha256(lines.slice(0, line).join("\n"));
}

export function readState(file: string): State | null {
  try {
    const s = JSON.parse(fs.readFileSync(file, "utf8")) as State;
    return s.version === 1 && Number.isInteger(s.line) && typeof s.prefixSha256 === "string" ? s : null;
  } catch {
    return null;
  }
}

export function writeState(file: string, state: State): void {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(tmp, file);
}
