"use client";
import { useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/server/http/action";
import { FormMessage } from "./form-message";
import { useFormAction } from "./use-form-action";
import { Button } from "./button";
import { cn } from "./cn";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

/**
 * A form bound to a server action: hidden fields, the caller's fields, a submit button, the outcome.
 * A refused submission keeps what was typed (submitted through onSubmit, which React does not
 * reset); a successful one clears the fields.
 */
export function ActionForm({
  action,
  hidden = {},
  children,
  submitLabel,
  pendingLabel,
  success,
  label,
  variant = "primary",
  className,
}: {
  action: Action;
  hidden?: Record<string, string>;
  children?: React.ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  success?: string;
  label: string;
  variant?: "primary" | "secondary" | "ghost";
  className?: string;
}) {
  const [state, onSubmit, pending] = useFormAction(action);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} onSubmit={onSubmit} aria-label={label} className={cn("space-y-2", className)}>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? (pendingLabel ?? "Saving…") : submitLabel}
      </Button>
      <FormMessage state={state} success={state?.ok ? success : undefined} />
    </form>
  );
}
