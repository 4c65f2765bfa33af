import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/server/auth/session";
import { makeCtx } from "@/lib/server/auth/context";
import { can } from "@/lib/server/auth/guard";
import { getGovernanceSettings } from "@/lib/server/services/governance/get-governance-settings";
import { CONTRACT_RULES } from "@/lib/domain/governance/contract-rules";
import { RELIABILITY_CLASSES, TIERS } from "@/lib/domain/product-key";
import { Card, SectionTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { InlineCode } from "@/components/contracts/inline-code";

export const metadata: Metadata = { title: "Governance" };

const CLASS_LABEL = { OPERATIONAL: "Operational", DECISION_SUPPORT: "Decision support", EXPLORATORY: "Exploratory" } as const;
const th = "py-2 pr-4 text-left text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400";
const td = "py-2 pr-4 align-top";
const none = <span className="text-zinc-600 dark:text-zinc-400">none</span>;

/** The rule set every domain must meet, and its current settings (platform admins only). */
export default async function GovernancePage() {
  const user = await requireUser("/governance");
  if (!can(makeCtx(user), "governance.manage")) notFound();
  const s = await getGovernanceSettings();
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Governance</h1>
        <p className="max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">
          Policy as code: these rules are checked on every write, by the web forms and the API alike, and every violation names its rule. Settings are platform
          settings; anything not set uses the documented default.
        </p>
        <p className="mt-1 text-sm">
          Reads seen in lineage that break them: <Link href="/lineage" className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">the governance report</Link>.
        </p>
      </div>
      {s.invalid.length ? (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          Stored settings that could not be read (the default applies): {s.invalid.join(", ")}.
        </p>
      ) : null}
      <Card aria-labelledby="contract-rules">
        <SectionTitle id="contract-rules">Contract publishing rules</SectionTitle>
        <table className="w-full text-sm">
          <caption className="sr-only">Rules checked when a contract version is published</caption>
          <thead>
            <tr className="border-b border-zinc-200 dark:border-zinc-800">
              <th scope="col" className={th}>Rule</th>
              <th scope="col" className={th}>What it checks</th>
            </tr>
          </thead>
          <tbody>
            {CONTRACT_RULES.map((r) => (
              <tr key={r.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                <th scope="row" className={td + " text-left font-medium"}>
                  {r.title}
                  <span className="block font-mono text-xs font-normal text-zinc-600 dark:text-zinc-400">{r.id}</span>
                </th>
                <td className={td}><InlineCode text={r.description} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <div className="grid gap-5 lg:grid-cols-2">
        <Card aria-labelledby="minimum-promises">
          <SectionTitle id="minimum-promises">Minimum promises per reliability class</SectionTitle>
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-zinc-200 dark:border-zinc-800">
                <th scope="col" className={th}>Class</th>
                <th scope="col" className={th}>Promises required</th>
                <th scope="col" className={th}>On-call</th>
              </tr>
            </thead>
            <tbody>
              {RELIABILITY_CLASSES.map((c) => {
                const m = s.contractRules.minimumPromises[c];
                return (
                  <tr key={c} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                    <th scope="row" className={td + " text-left font-medium"}>{CLASS_LABEL[c]}</th>
                    <td className={td}>
                      {m.sla.length ? <span className="flex flex-wrap gap-1">{m.sla.map((p) => <Badge key={p}>{p}</Badge>)}</span> : <span>none (labelled best effort)</span>}
                    </td>
                    <td className={td}>{m.onCall ? "required" : "not required"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Card>
        <Card aria-labelledby="other-settings">
          <SectionTitle id="other-settings">Other settings</SectionTitle>
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="font-medium">Tiers where PII fields must be masked</dt>
              <dd className="mt-1 flex gap-1">{s.contractRules.maskedPiiTiers.length ? s.contractRules.maskedPiiTiers.map((t) => <Badge key={t}>{t}</Badge>) : none}</dd>
            </div>
            <div>
              <dt className="font-medium">Minimum deprecation window</dt>
              <dd className="mt-1">{s.minDeprecationDays} days between announcement and sunset while subscribers remain</dd>
            </div>
            <div>
              <dt className="font-medium">Across domains, products may depend on</dt>
              <dd className="mt-1 flex gap-1">{s.tierRules.crossDomainUpstreamTiers.length ? s.tierRules.crossDomainUpstreamTiers.map((t) => <Badge key={t}>{t}</Badge>) : none}</dd>
            </div>
          </dl>
        </Card>
      </div>
      <Card aria-labelledby="tier-rules">
        <SectionTitle id="tier-rules">Dependencies inside a domain</SectionTitle>
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-zinc-200 dark:border-zinc-800">
              <th scope="col" className={th}>A product of tier</th>
              <th scope="col" className={th}>may read</th>
            </tr>
          </thead>
          <tbody>
            {TIERS.map((t) => (
              <tr key={t} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                <th scope="row" className={td + " text-left font-medium"}>{t}</th>
                <td className={td}>
                  <span className="flex gap-1">{s.tierRules.sameDomainUpstreamTiers[t].length ? s.tierRules.sameDomainUpstreamTiers[t].map((u) => <Badge key={u}>{u}</Badge>) : none}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">GOLD never reads BRONZE, whatever the settings say.</p>
      </Card>
    </div>
  );
}
