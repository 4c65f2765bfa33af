// HTTP to a Tessera server: bearer token from an environment variable, retries with exponential
// backoff (and Retry-After) on 429, 5xx and network errors, JSON bodies parsed leniently.
import { randomUUID } from "node:crypto";
import { CliError, EXIT, type Io } from "./io";

export type ApiResponse = { status: number; body: unknown; text: string };
export type RetryPolicy = { retries: number; baseMs: number; maxMs: number; retryNetwork: boolean; retryStatuses: readonly number[] };

export const DEFAULT_RETRY: RetryPolicy = { retries: 5, baseMs: 500, maxMs: 30_000, retryNetwork: true, retryStatuses: [429, 500, 502, 503, 504] };

export function tokenFrom(io: Io, envName: string | undefined): string {
  const name = envName ?? "TESSERA_TOKEN";
  const token = io.env[name]?.trim();
  if (!token) throw new CliError(`No API token: set ${name} to a team token (tsr_...)${envName ? "" : ", or name another variable with --token-env"}.`);
  return token;
}

export function serverUrl(io: Io, url: string | undefined): URL {
  const raw = url ?? io.env.TESSERA_URL;
  if (!raw) throw new CliError("No server: pass --url https://tessera.example.com (or set TESSERA_URL).", EXIT.USAGE, true);
  try {
    const u = new URL(raw);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("not http");
    return u;
  } catch {
    throw new CliError(`--url must be an http(s) URL (got "${raw}").`, EXIT.USAGE, true);
  }
}

/** Delay before attempt n (1-based retry count): Retry-After when the server gave one, else 2^n backoff with jitter. */
export function backoffMs(attempt: number, policy: RetryPolicy, retryAfter: string | null): number {
  const seconds = retryAfter !== null && /^\d+(\.\d+)?$/.test(retryAfter.trim()) ? Number(retryAfter) : null;
  if (seconds !== null) return Math.min(seconds * 1000, policy.maxMs);
  const exp = Math.min(policy.baseMs * 2 ** (attempt - 1), policy.maxMs);
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

export async function request(
  io: Io,
  input: { url: URL; method: string; token: string; body: string; contentType: string; policy?: RetryPolicy; onRetry?: (why: string, waitMs: number, attempt: number) => void },
): Promise<ApiResponse> {
  const policy = input.policy ?? DEFAULT_RETRY;
  for (let attempt = 0; ; attempt++) {
    let why: string;
    let retryAfter: string | null = null;
    try {
      const res = await io.fetch(input.url, {
        method: input.method,
        headers: { authorization: `Bearer ${input.token}`, "content-type": input.contentType, accept: "application/json", "x-request-id": `tessera-cli-${randomUUID()}` },
        body: input.body,
      });
      const text = await res.text();
      if (!policy.retryStatuses.includes(res.status) || attempt >= policy.retries) {
        let body: unknown = null;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          body = null;
        }
        return { status: res.status, body, text };
      }
      why = `HTTP ${res.status}`;
      retryAfter = res.headers.get("retry-after");
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      why = cause?.code ?? cause?.message ?? (e as Error).message;
      if (!policy.retryNetwork || attempt >= policy.retries) {
        throw new CliError(`Cannot reach ${input.url.origin}: ${why}${attempt > 0 ? ` (after ${attempt + 1} attempts)` : ""}.`);
      }
    }
    const wait = backoffMs(attempt + 1, policy, retryAfter);
    input.onRetry?.(why, wait, attempt + 1);
    await io.sleep(wait);
  }
}

/** `{ error: { code, message, details } }` as one readable line plus one line per detail. */
export function describeError(res: ApiResponse): string {
  const e = (res.body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  if (!e) return `HTTP ${res.status}${res.text ? `: ${res.text.slice(0, 200)}` : ""}`;
  const details = Array.isArray(e.details)
    ? e.details.map((d: { path?: unknown; rule?: string; message?: string }) => `\n  ${d.rule ? `[${d.rule}] ` : ""}${Array.isArray(d.path) ? d.path.join(".") : (d.path ?? "")}${d.path ? ": " : ""}${d.message ?? ""}`).join("")
    : "";
  return `HTTP ${res.status} ${e.code ?? ""}: ${e.message ?? ""}${details}`;
}
