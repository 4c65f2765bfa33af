"use client";
import { startTransition, useActionState } from "react";
import type { ActionResult } from "@/lib/server/http/action";

type Action<T> = (prev: unknown, form: FormData) => Promise<ActionResult<T>>;

/**
 * useActionState for a form submitted through onSubmit: unlike `<form action>`, React does not reset
 * the fields afterwards, so a refused submission keeps what the person typed (forms reset themselves
 * on success where that makes sense).
 */
export function useFormAction<T>(action: Action<T>) {
  const [state, dispatch, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
  return [state, onSubmit, pending] as const;
}
