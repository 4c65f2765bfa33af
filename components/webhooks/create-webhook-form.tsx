"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/server/http/action";
import { FormMessage } from "../ui/form-message";
import { Button } from "../ui/button";
import { Field, inputClass } from "../ui/field";

type Created = { id: string; url: string; secret: string };

/** Adds a webhook; shows its signing secret once. */
export function CreateWebhookForm({ team, action }: { team: string; action: (prev: unknown, form: FormData) => Promise<ActionResult<Created>> }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} aria-label="Add a webhook" className="space-y-2">
      <input type="hidden" name="team" value={team} />
      <Field label="Receiver URL" htmlFor="webhook-url" hint="https:// (http:// only for internal receivers you trust). Private and loopback addresses are refused.">
        <input id="webhook-url" name="url" type="url" required className={inputClass} placeholder="https://hooks.example.com/tessera" />
      </Field>
      <Button type="submit" disabled={pending}>{pending ? "Adding…" : "Add webhook"}</Button>
      <FormMessage state={state} />
      {state?.ok ? (
        <div role="status" className="space-y-1 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          <p>Webhook added. Its signing secret is shown only now: store it in the receiver.</p>
          <p><code data-testid="webhook-secret" className="break-all rounded bg-white px-1 dark:bg-zinc-900">{state.data.secret}</code></p>
        </div>
      ) : null}
    </form>
  );
}
