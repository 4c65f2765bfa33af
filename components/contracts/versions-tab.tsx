import Link from "next/link";
import type { VersionListItem } from "@/lib/server/services/contracts/list-contract-versions";
import type { VersionComparison } from "@/lib/server/services/contracts/compare-contract-versions";
import { Badge } from "../ui/badge";
import { Card, EmptyState, SectionTitle } from "../ui/card";
import { buttonClass } from "../ui/button";
import { inputClass } from "../ui/field";
import { Changelog } from "./changelog";
import { ChangeClassBadge } from "./class-badge";
import { VersionCompare } from "./version-compare";

const fmt = (d: Date) => d.toISOString().slice(0, 10);
const linkClass = "text-indigo-700 underline underline-offset-2 hover:text-indigo-900 dark:text-indigo-300";

/** Every version with its class, publisher, date, changelog and downloads; compare any two. */
export function VersionsTab(props: { productKey: string; versions: VersionListItem[]; compare: VersionComparison | null; compareError: string | null; from?: string; to?: string; published?: string }) {
  const { productKey, versions } = props;
  if (versions.length === 0) return <EmptyState title="No versions yet">The owner has not published a contract version for this product.</EmptyState>;
  const api = (v: string, q: string) => `/api/v1/products/${encodeURIComponent(productKey)}/contracts/${v}?${q}`;
  const from = props.from ?? versions[1]?.version ?? versions[0]!.version;
  const to = props.to ?? versions[0]!.version;
  const tab = (q: Record<string, string>) => `/products/${encodeURIComponent(productKey)}?${new URLSearchParams({ tab: "versions", ...q })}#compare`;
  return (
    <div className="space-y-5">
      {props.published ? (
        <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
          Version <span className="font-mono font-semibold">{props.published}</span> is published.
        </p>
      ) : null}
      <Card aria-labelledby="compare-form-title">
        <SectionTitle id="compare-form-title">Compare two versions</SectionTitle>
        <form method="get" action={`/products/${encodeURIComponent(productKey)}`} className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="tab" value="versions" />
          <div>
            <label htmlFor="compare-from" className="block text-sm font-medium">From</label>
            <select id="compare-from" name="from" defaultValue={from} className={inputClass.replace("w-full", "w-36") + " font-mono"}>
              {versions.map((v) => <option key={v.id} value={v.version}>{v.version}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="compare-to" className="block text-sm font-medium">To</label>
            <select id="compare-to" name="to" defaultValue={to} className={inputClass.replace("w-full", "w-36") + " font-mono"}>
              {versions.map((v) => <option key={v.id} value={v.version}>{v.version}</option>)}
            </select>
          </div>
          <button type="submit" className={buttonClass("secondary")}>Compare</button>
        </form>
      </Card>
      <div id="compare">
        {props.compareError ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{props.compareError}</p> : null}
        {props.compare ? <VersionCompare cmp={props.compare} /> : null}
      </div>
      <section aria-labelledby="history-title" className="space-y-3">
        <h2 id="history-title" className="text-base font-semibold tracking-tight">Version history ({versions.length})</h2>
        <ol className="space-y-3">
          {versions.map((v, i) => {
            const prev = versions[i + 1];
            return (
              <li key={v.id}>
                <Card as="article" aria-label={`Version ${v.version}`}>
                  <div className="flex flex-wrap items-center gap-2">
                    <h3 className="font-mono text-base font-semibold">{v.version}</h3>
                    <ChangeClassBadge value={v.changeClass} />
                    {v.current ? <Badge tone="green">current</Badge> : null}
                    {v.status !== "PUBLISHED" ? <Badge tone={v.status === "RETIRED" ? "red" : "amber"}>{v.status.toLowerCase()}</Badge> : null}
                    {v.sourceFormat === "ODCS" ? <Badge>from ODCS</Badge> : null}
                    <span className="text-xs text-zinc-600 dark:text-zinc-400">
                      {fmt(v.publishedAt)}
                      {v.publishedBy ? ` by ${v.publishedBy.name}` : ""}
                    </span>
                  </div>
                  <div className="mt-2">{v.changeClass === null ? <p className="text-sm text-zinc-700 dark:text-zinc-300">First published version.</p> : <Changelog text={v.changelog} />}</div>
                  <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                    {prev ? <Link className={linkClass} href={tab({ from: prev.version, to: v.version })}>Compare with {prev.version}</Link> : null}
                    <a className={linkClass} href={api(v.version, "format=yaml&download=1")}>Download YAML<span className="sr-only"> of {v.version}</span></a>
                    <a className={linkClass} href={api(v.version, "format=odcs&download=1")}>Download ODCS<span className="sr-only"> of {v.version}</span></a>
                    {v.sourceFormat === "ODCS" ? <a className={linkClass} href={api(v.version, "format=source&download=1")}>Original ODCS<span className="sr-only"> of {v.version}</span></a> : null}
                  </p>
                </Card>
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
