"use client";
import { useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/server/http/action";
import { Field, inputClass } from "../ui/field";
import { Button } from "../ui/button";
import { useFormAction } from "../ui/use-form-action";
import { FormMessage, fieldError } from "../ui/form-message";

type Created = { id: string; name: string; token: string; scopes: string[] };
type Action = (prev: unknown, form: FormData) => Promise<ActionResult<Created>>;

export function CreateTokenForm({ team, scopes, action }: { team: string; scopes: { name: string; help: string }[]; action: Action }) {
  const [state, onSubmit, pending] = useFormAction(action);
  const [copied, setCopied] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const secret = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state?.ok) {
      form.current?.reset();
      setCopied(false);
      secret.current?.focus();
      secret.current?.select();
    }
  }, [state]);
  return (
    <div className="space-y-3">
      {state?.ok ? (
        <div role="status" className="space-y-2 rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
          <p className="font-semibold">Token “{state.data.name}” created. Copy it now: it is shown only once.</p>
          <div className="flex gap-2">
            <label htmlFor="new-token-secret" className="sr-only">New token secret</label>
            <input id="new-token-secret" ref={secret} readOnly value={state.data.token} className={inputClass + " font-mono text-xs"} data-testid="new-token-secret" />
            <Button
              type="button"
              variant="secondary"
              onClick={async () => {
                try {
                  await navigator.clipboard.writeText(state.data.token);
                  setCopied(true);
                } catch {
                  secret.current?.select();
                }
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
          <p className="text-xs">Send it as <code className="font-mono">Authorization: Bearer …</code> to /api/v1. Scopes: {state.data.scopes.join(", ")}.</p>
        </div>
      ) : null}
      <form ref={form} onSubmit={onSubmit} className="space-y-3" aria-label="Create a token">
        <input type="hidden" name="team" value={team} />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Token name" htmlFor="token-name" hint="Who uses it, e.g. orders-ci" error={fieldError(state, "name")}>
            <input id="token-name" name="name" required maxLength={80} className={inputClass} />
          </Field>
          <Field label="Expires" htmlFor="token-expiry" error={fieldError(state, "expiresInDays")}>
            <select id="token-expiry" name="expiresInDays" defaultValue="90" className={inputClass}>
              <option value="30">In 30 days</option>
              <option value="90">In 90 days</option>
              <option value="365">In a year</option>
              <option value="">Never</option>
            </select>
          </Field>
        </div>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Scopes</legend>
          {scopes.map((s) => (
            <label key={s.name} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="scopes" value={s.name} defaultChecked={s.name === "read"} className="mt-1" />
              <span>
                <span className="font-mono">{s.name}</span>
                <span className="block text-xs text-zinc-600 dark:text-zinc-400">{s.help}</span>
              </span>
            </label>
          ))}
          {fieldError(state, "scopes") ? <p role="alert" className="text-xs text-red-700 dark:text-red-400">{fieldError(state, "scopes")}</p> : null}
        </fieldset>
        {state && !state.ok ? <FormMessage state={state} /> : null}
        <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create token"}</Button>
      </form>
    </div>
  );
}
