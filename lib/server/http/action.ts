import "server-only";
import { unstable_rethrow } from "next/navigation";
import { toAppError, type ErrorCode } from "../errors";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string; details?: unknown; fields?: Record<string, string> } };

/** Field name -> first message, from zod issues (for errors next to form fields). */
function fieldErrors(details: unknown): Record<string, string> | undefined {
  if (!Array.isArray(details)) return undefined;
  const out: Record<string, string> = {};
  for (const d of details as { path?: unknown[]; message?: string }[]) {
    const key = d?.path?.[0];
    if (typeof key === "string" && d.message && !out[key]) out[key] = d.message;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Runs a server action body and maps expected failures to `{ error }` for the form. */
export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    unstable_rethrow(e); // redirect() and notFound() are control flow, not failures
    const err = toAppError(e);
    return { ok: false, error: { code: err.code, message: err.message, details: err.details, fields: fieldErrors(err.details) } };
  }
}

/**
 * A FormData as a plain object for a service's zod schema: Next's internal `$ACTION_*` fields are
 * dropped, `arrays` keep every value, and only strings are kept (a file upload is not a field here).
 */
export function formInput(form: FormData, arrays: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = arrays.includes(key) ? values : values[0];
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}
