"use client";
import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/server/http/action";
import { Field, inputClass } from "../ui/field";
import { Button } from "../ui/button";
import { FormMessage, fieldError } from "../ui/form-message";

type Team = { slug: string; name: string; needsApproval: boolean; outsideInterface: boolean; products: { key: string; name: string }[] };
type Action = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

export function SubscribeForm({ productKey, defaultPin, tier, teams, action }: { productKey: string; defaultPin: string; tier: string; teams: Team[]; action: Action }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [teamSlug, setTeamSlug] = useState(teams[0]?.slug ?? "");
  const [consuming, setConsuming] = useState("");
  // Controlled, so a refused submission keeps what the user typed (React resets uncontrolled fields).
  const [pin, setPin] = useState(defaultPin);
  const [purpose, setPurpose] = useState("");
  const team = teams.find((t) => t.slug === teamSlug);
  return (
    <form action={formAction} className="space-y-4" aria-label="Subscribe">
      <input type="hidden" name="productKey" value={productKey} />
      <Field label="Consuming team" htmlFor="consumerTeam" error={fieldError(state, "consumerTeam")}>
        <select id="consumerTeam" name="consumerTeam" value={teamSlug} onChange={(e) => { setTeamSlug(e.target.value); setConsuming(""); }} className={inputClass}>
          {teams.map((t) => <option key={t.slug} value={t.slug}>{t.name}</option>)}
        </select>
      </Field>
      <Field label="On behalf of one of the team's products (optional)" htmlFor="consumingProductKey" hint="Records a dependency edge; the tier rules apply (across domains only GOLD)." error={fieldError(state, "consumingProductKey")}>
        <select id="consumingProductKey" name="consumingProductKey" value={consuming} onChange={(e) => setConsuming(e.target.value)} className={inputClass}>
          <option value="">The team itself (analysis, reports)</option>
          {team?.products.map((p) => <option key={p.key} value={p.key}>{p.key}</option>)}
        </select>
      </Field>
      {consuming ? (
        <Field label="Kind of dependency" htmlFor="dependencyKind">
          <select id="dependencyKind" name="dependencyKind" defaultValue="HARD" className={inputClass}>
            <option value="HARD">Hard: without it the product is invalid</option>
            <option value="SOFT">Soft: an enrichment that may degrade</option>
            <option value="TRUTH">Truth: used for reconciliation</option>
            <option value="CONTROL">Control: schema registry, orchestrator</option>
          </select>
        </Field>
      ) : null}
      <Field label="Version pin" htmlFor="pinRange" hint="^2.1 takes minors and patches · ~2.1.3 patches only · 2.1.4 exact · 2.x the whole major. A new major never flows in." error={fieldError(state, "pinRange")}>
        <input id="pinRange" name="pinRange" value={pin} onChange={(e) => setPin(e.target.value)} className={inputClass + " font-mono"} required />
      </Field>
      <Field label="Purpose" htmlFor="purpose" hint="Tell the owner what you use it for: it is shown on their subscriber list." error={fieldError(state, "purpose")}>
        <textarea id="purpose" name="purpose" rows={3} required minLength={3} value={purpose} onChange={(e) => setPurpose(e.target.value)} className={inputClass} />
      </Field>
      {team?.outsideInterface && !consuming ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          This is a {tier.toLowerCase()} product of another domain: outside the cross-domain interface (GOLD). You may subscribe, but it can change with less notice.
        </p>
      ) : null}
      {team?.needsApproval ? <p className="text-sm text-zinc-700 dark:text-zinc-300">The owner approves subscriptions to this product: your request stays pending until they decide.</p> : null}
      <FormMessage state={state} />
      <Button type="submit" disabled={pending || !team}>{pending ? "Subscribing…" : team?.needsApproval ? "Request subscription" : "Subscribe"}</Button>
    </form>
  );
}
