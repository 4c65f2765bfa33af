"use client";
import type { ActionResult } from "@/lib/server/http/action";
import { Field, inputClass } from "../ui/field";
import { Button } from "../ui/button";
import { useFormAction } from "../ui/use-form-action";
import { FormMessage, fieldError } from "../ui/form-message";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<{ slug: string }>>;

export function CreateTeamForm({ action }: { action: Action }) {
  const [state, onSubmit, pending] = useFormAction(action);
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label="Create a team">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Team name" htmlFor="team-name" error={fieldError(state, "name")}>
          <input id="team-name" name="name" required maxLength={80} className={inputClass} />
        </Field>
        <Field label="Slug" htmlFor="team-slug" hint="Lowercase letters, digits and dashes; used in URLs and the API" error={fieldError(state, "slug")}>
          <input id="team-slug" name="slug" required maxLength={40} pattern="[a-z0-9](?:[a-z0-9\-]{0,38}[a-z0-9])?" className={inputClass + " font-mono"} />
        </Field>
        <Field label="On-call handle" htmlFor="team-oncall" hint="e.g. @orders-oncall" error={fieldError(state, "onCallHandle")}>
          <input id="team-oncall" name="onCallHandle" maxLength={80} className={inputClass} />
        </Field>
        <Field label="Contact channel" htmlFor="team-channel" hint="A #channel, an email address or an https:// link" error={fieldError(state, "contactChannel")}>
          <input id="team-channel" name="contactChannel" maxLength={80} className={inputClass} />
        </Field>
      </div>
      <Field label="Description" htmlFor="team-description" error={fieldError(state, "description")}>
        <textarea id="team-description" name="description" rows={2} maxLength={2000} className={inputClass} />
      </Field>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create team"}</Button>
    </form>
  );
}
