import type { ProductPage } from "@/lib/server/services/catalog/get-product";
import { Badge } from "../ui/badge";
import { Card, SectionTitle, EmptyState } from "../ui/card";

type Version = NonNullable<ProductPage["currentVersion"]>;
type Sla = Record<string, Record<string, number> | undefined>;

function minutes(m: number) {
  if (m % 1440 === 0) return `${m / 1440} day${m === 1440 ? "" : "s"}`;
  if (m % 60 === 0) return `${m / 60} hour${m === 60 ? "" : "s"}`;
  return `${m} minutes`;
}

/** Human sentences for each promise of the SLA. */
export function slaLines(sla: Sla): { label: string; promise: string }[] {
  const out: { label: string; promise: string }[] = [];
  if (sla.freshness?.maxAgeMinutes != null) out.push({ label: "Freshness", promise: `Newest data no older than ${minutes(sla.freshness.maxAgeMinutes)}` });
  if (sla.completeness?.minPercent != null) out.push({ label: "Completeness", promise: `At least ${sla.completeness.minPercent}% of expected records` });
  if (sla.accuracy?.minPercent != null) out.push({ label: "Accuracy", promise: `At least ${sla.accuracy.minPercent}% of quality checks pass` });
  if (sla.availability?.minPercent != null) out.push({ label: "Availability", promise: `Served ${sla.availability.minPercent}% of the time` });
  if (sla.lateArrival?.windowMinutes != null) out.push({ label: "Late arrivals", promise: `Late records accepted within ${minutes(sla.lateArrival.windowMinutes)}` });
  return out;
}

export function ContractView({ version }: { version: Version | null }) {
  if (!version) return <EmptyState title="No contract published yet">The owner has not published a contract version for this product.</EmptyState>;
  const sla = slaLines((version.sla ?? {}) as Sla);
  const sem = (version.semantics ?? {}) as { summary?: string; fields?: Record<string, string>; rules?: string[] };
  return (
    <div className="space-y-4">
      <Card>
        <SectionTitle id="schema-title" action={<span className="text-xs text-zinc-600 dark:text-zinc-400">{version.fields.length} fields</span>}>
          Schema
        </SectionTitle>
        {/* Focusable so keyboard users can scroll a wide schema (axe: scrollable-region-focusable). */}
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="schema-title">
          <table className="w-full text-sm" aria-labelledby="schema-title">
            <thead className="text-left text-xs uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
              <tr className="border-b border-zinc-200 dark:border-zinc-800">
                <th scope="col" className="py-2 pr-3">Field</th>
                <th scope="col" className="py-2 pr-3">Type</th>
                <th scope="col" className="py-2 pr-3">Required</th>
                <th scope="col" className="py-2 pr-3">Description</th>
                <th scope="col" className="py-2">Tags</th>
              </tr>
            </thead>
            <tbody>
              {version.fields.map((f) => (
                <tr key={f.path} className="border-b border-zinc-100 align-top last:border-0 dark:border-zinc-800">
                  <td className="py-2 pr-3 font-mono" style={{ paddingLeft: `${(f.path.split(".").length - 1) * 1}rem` }}>{f.name}</td>
                  <td className="py-2 pr-3 font-mono text-xs">
                    {f.type}
                    {f.enumValues.length ? <span className="block text-zinc-600 dark:text-zinc-400">one of {f.enumValues.join(", ")}</span> : null}
                  </td>
                  <td className="py-2 pr-3">{f.required ? "yes" : "no"}</td>
                  <td className="py-2 pr-3 text-zinc-700 dark:text-zinc-300">{f.description || <span className="text-zinc-500">—</span>}</td>
                  <td className="py-2">
                    <span className="flex flex-wrap gap-1">
                      {f.pii ? <Badge tone="red">PII{f.mask ? ` · ${f.mask}` : " · unmasked"}</Badge> : null}
                      {f.tags.filter((t) => t.toUpperCase() !== "PII").map((t) => <Badge key={t}>{t}</Badge>)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <SectionTitle>Promises (SLA)</SectionTitle>
          {sla.length ? (
            <dl className="space-y-2 text-sm">
              {sla.map((l) => (
                <div key={l.label} className="flex gap-3">
                  <dt className="w-28 shrink-0 font-medium">{l.label}</dt>
                  <dd className="text-zinc-700 dark:text-zinc-300">{l.promise}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No promises: best effort.</p>
          )}
        </Card>
        <Card>
          <SectionTitle>Semantics</SectionTitle>
          {sem.summary ? <p className="text-sm text-zinc-700 dark:text-zinc-300">{sem.summary}</p> : null}
          {sem.rules?.length ? (
            <>
              <h3 className="mt-3 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Rules</h3>
              <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
                {sem.rules.map((r) => <li key={r}>{r}</li>)}
              </ul>
            </>
          ) : null}
          {sem.fields && Object.keys(sem.fields).length ? (
            <>
              <h3 className="mt-3 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Business meaning</h3>
              <dl className="mt-1 space-y-1 text-sm">
                {Object.entries(sem.fields).map(([k, v]) => (
                  <div key={k}>
                    <dt className="inline font-mono">{k}:</dt> <dd className="inline text-zinc-700 dark:text-zinc-300">{v}</dd>
                  </div>
                ))}
              </dl>
            </>
          ) : null}
        </Card>
      </div>
    </div>
  );
}
