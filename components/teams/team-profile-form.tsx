"use client";
import type { ActionResult } from "@/lib/server/http/action";
import { Field, inputClass } from "../ui/field";
import { Button } from "../ui/button";
import { useFormAction } from "../ui/use-form-action";
import { FormMessage, fieldError } from "../ui/form-message";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;
type Team = { slug: string; name: string; description: string; onCallHandle: string | null; contactChannel: string | null };

export function TeamProfileForm({ team, action }: { team: Team; action: Action }) {
  const [state, onSubmit, pending] = useFormAction(action);
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label="Team profile">
      <input type="hidden" name="slug" value={team.slug} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Team name" htmlFor="profile-name" error={fieldError(state, "name")}>
          <input id="profile-name" name="name" required maxLength={80} defaultValue={team.name} className={inputClass} />
        </Field>
        <Field label="On-call handle" htmlFor="profile-oncall" hint="Who is paged when a product breaks" error={fieldError(state, "onCallHandle")}>
          <input id="profile-oncall" name="onCallHandle" maxLength={80} defaultValue={team.onCallHandle ?? ""} className={inputClass} />
        </Field>
        <Field label="Contact channel" htmlFor="profile-channel" hint="#channel, email or https:// link" error={fieldError(state, "contactChannel")}>
          <input id="profile-channel" name="contactChannel" maxLength={80} defaultValue={team.contactChannel ?? ""} className={inputClass} />
        </Field>
      </div>
      <Field label="Description" htmlFor="profile-description" error={fieldError(state, "description")}>
        <textarea id="profile-description" name="description" rows={2} maxLength={2000} defaultValue={team.description} className={inputClass} />
      </Field>
      <FormMessage state={state} success="Team profile saved." />
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save profile"}</Button>
    </form>
  );
}
