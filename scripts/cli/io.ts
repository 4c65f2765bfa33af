// What a command needs from the outside world, passed in so tests can run commands in-process:
// output streams, environment, working directory, fetch and sleep (retries back off through it).
import fs from "node:fs";
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";

export type Io = {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
};

export const EXIT = { OK: 0, FAILED: 1, USAGE: 2 } as const;

/** A usage, input or network problem: exit 2 with the message (and the command's help for usage). */
export class CliError extends Error {
  constructor(message: string, readonly code: number = EXIT.USAGE, readonly showHelp = false) {
    super(message);
  }
}

export function processIo(): Io {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    fetch: globalThis.fetch,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  };
}

/** node:util parseArgs, strict, with its errors turned into usage errors. */
export function parse<T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError((e as Error).message.replace(/\. To specify a positional argument.*$/s, "."), EXIT.USAGE, true);
  }
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new CliError(`--${option} must be one of ${allowed.join(", ")} (got "${value}")`, EXIT.USAGE, true);
  return value as T;
}

export function readInput(io: Io, file: string): string {
  try {
    return fs.readFileSync(path.resolve(io.cwd, file), "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === "ENOENT" ? `${file}: no such file` : code === "EISDIR" ? `${file}: is a directory` : `${file}: cannot be read (${code ?? (e as Error).message})`);
  }
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
