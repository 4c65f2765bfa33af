"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/server/http/action";
import { Field, inputClass } from "../ui/field";
import { Button } from "../ui/button";
import { FormMessage, fieldError } from "../ui/form-message";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

export function CreateProductForm({ domains, defaultDomain, action }: { domains: { slug: string; name: string; team: { name: string } }[]; defaultDomain?: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-4" aria-label="New data product">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Domain" htmlFor="domain" error={fieldError(state, "domain")}>
          <select id="domain" name="domain" defaultValue={defaultDomain} className={inputClass}>
            {domains.map((d) => <option key={d.slug} value={d.slug}>{d.name} ({d.team.name})</option>)}
          </select>
        </Field>
        <Field label="Topic" htmlFor="topic" hint="e.g. order_facts" error={fieldError(state, "topic")}>
          <input id="topic" name="topic" required pattern="[a-z][a-z0-9_]*" className={inputClass + " font-mono"} />
        </Field>
        <Field label="Tier" htmlFor="tier">
          <select id="tier" name="tier" defaultValue="GOLD" className={inputClass}>
            <option value="BRONZE">Bronze: raw, traceable</option>
            <option value="SILVER">Silver: cleaned, conformed</option>
            <option value="GOLD">Gold: decision-grade interface</option>
          </select>
        </Field>
      </div>
      <Field label="Name" htmlFor="name" error={fieldError(state, "name")}>
        <input id="name" name="name" required className={inputClass} />
      </Field>
      <Field label="Description" htmlFor="description" hint="What it is, for whom, what it is not.">
        <textarea id="description" name="description" rows={3} className={inputClass} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Reliability class" htmlFor="reliabilityClass">
          <select id="reliabilityClass" name="reliabilityClass" defaultValue="DECISION_SUPPORT" className={inputClass}>
            <option value="OPERATIONAL">Operational: automation runs on it</option>
            <option value="DECISION_SUPPORT">Decision support: reports</option>
            <option value="EXPLORATORY">Exploratory: best effort</option>
          </select>
        </Field>
        <Field label="Tags" htmlFor="tags" hint="Comma separated, e.g. orders, revenue" error={fieldError(state, "tags")}>
          <input id="tags" name="tags" className={inputClass} />
        </Field>
      </div>
      <fieldset className="grid gap-4 rounded-lg border border-zinc-200 p-3 sm:grid-cols-3 dark:border-zinc-700">
        <legend className="px-1 text-sm font-medium">Output port (optional)</legend>
        <Field label="Kind" htmlFor="portKind">
          <select id="portKind" name="portKind" className={inputClass}>
            <option value="TABLE">Table</option>
            <option value="TOPIC">Topic</option>
            <option value="API">API</option>
            <option value="FILE">File</option>
          </select>
        </Field>
        <Field label="Platform" htmlFor="portPlatform" hint="e.g. snowflake, kafka">
          <input id="portPlatform" name="portPlatform" className={inputClass} />
        </Field>
        <Field label="Location" htmlFor="portLocation" hint="e.g. analytics.orders.facts">
          <input id="portLocation" name="portLocation" className={inputClass + " font-mono"} />
        </Field>
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="requiresApproval" className="h-4 w-4" /> Subscriptions need my team&apos;s approval
      </label>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create product"}</Button>
    </form>
  );
}
