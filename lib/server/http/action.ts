import "server-only";
import { toAppError, type ErrorCode } from "../errors";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string; details?: unknown } };

/** Runs a server action body and maps expected failures to `{ error }` for the form. */
export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    const err = toAppError(e);
    return { ok: false, error: { code: err.code, message: err.message, details: err.details } };
  }
}
