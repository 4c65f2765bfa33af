"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/server/http/action";
import { FormMessage } from "../teams/form-message";
import { Button } from "./button";
import { cn } from "./cn";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

/** A form bound to a server action: hidden fields, the caller's fields, a submit button, the outcome. */
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
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} aria-label={label} className={cn("space-y-2", className)}>
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
