"use client";
import type { ActionResult } from "@/lib/server/http/action";

type AnyResult = ActionResult<unknown> | null | undefined;

/** The outcome of a form's server action: an alert on failure, a status line on success. */
export function FormMessage({ state, success }: { state: AnyResult; success?: string }) {
  if (!state) return null;
  if (!state.ok) {
    // Field-level messages are shown next to their fields (Field's error); this is the summary.
    return (
      <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
        {state.error.message}
      </p>
    );
  }
  return success ? (
    <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
      {success}
    </p>
  ) : null;
}

export const fieldError = (state: AnyResult, name: string) => (state && !state.ok ? state.error.fields?.[name] : undefined);
