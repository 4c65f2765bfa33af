"use client";
import { useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/server/http/action";
import { Field, inputClass } from "../ui/field";
import { Button } from "../ui/button";
import { useFormAction } from "../ui/use-form-action";
import { FormMessage, fieldError } from "../ui/form-message";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<{ email: string; role: string }>>;

export function AddMemberForm({ slug, action }: { slug: string; action: Action }) {
  const [state, onSubmit, pending] = useFormAction(action);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) ref.current?.reset();
  }, [state]);
  return (
    <form ref={ref} onSubmit={onSubmit} className="space-y-2" aria-label="Add a member">
      <input type="hidden" name="slug" value={slug} />
      <div className="flex flex-wrap items-end gap-2">
        <Field label="Email of the person to add" htmlFor="member-email" className="min-w-64 flex-1" error={fieldError(state, "email")}>
          <input id="member-email" name="email" type="email" required autoComplete="off" className={inputClass} />
        </Field>
        <Field label="Role" htmlFor="member-role">
          <select id="member-role" name="role" defaultValue="MEMBER" className={inputClass}>
            <option value="MEMBER">Member</option>
            <option value="OWNER">Owner</option>
          </select>
        </Field>
        <Button type="submit" disabled={pending}>{pending ? "Adding…" : "Add member"}</Button>
      </div>
      <FormMessage state={state} success={state?.ok ? `${state.data.email} was added as ${state.data.role === "OWNER" ? "an owner" : "a member"}.` : undefined} />
    </form>
  );
}
