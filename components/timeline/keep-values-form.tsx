"use client";
import { useActionState, useTransition } from "react";
import type { ActionResult } from "@/lib/server/http/action";
import { FormMessage } from "../teams/form-message";
import { Button } from "../ui/button";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

/**
 * Like ActionForm, but submits through onSubmit so a refused submission keeps what was typed
 * (React resets an action form's fields after every submission).
 */
export function KeepValuesForm({ action, hidden = {}, children, submitLabel, pendingLabel, label }: { action: Action; hidden?: Record<string, string>; children: React.ReactNode; submitLabel: string; pendingLabel?: string; label: string }) {
  const [state, formAction] = useActionState(action, null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      aria-label={label}
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
      <Button type="submit" disabled={pending}>{pending ? (pendingLabel ?? "Saving…") : submitLabel}</Button>
      <FormMessage state={state} />
    </form>
  );
}
