import type { Metadata } from "next";
import Link from "next/link";
import { requireUserCtx } from "@/lib/server/auth/session";
import { listUnclaimedDatasets } from "@/lib/server/services/lineage/list-unclaimed-datasets";
import { Card, EmptyState } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/action-form";
import { claimDatasetAction } from "../actions";

export const metadata: Metadata = { title: "Unclaimed datasets" };

const when = (iso: string) => iso.slice(0, 16).replace("T", " ");
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** Datasets lineage has seen that no output port serves; owners claim them for their products. */
export default async function UnclaimedPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const ctx = await requireUserCtx();
  const sp = await searchParams;
  const q = one(sp.q);
  const page = Math.max(1, Number(one(sp.page)) || 1);
  const r = await listUnclaimedDatasets(ctx, { q, page });
  const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
  const href = (p: number) => `/lineage/unclaimed?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm"><Link href="/lineage" className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">Governance report</Link> / unclaimed datasets</p>
        <h1 className="text-2xl font-semibold tracking-tight">Unclaimed datasets</h1>
        <p className="max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">
          Datasets that pipelines read or write (seen in OpenLineage events) but no product&apos;s output port serves. If one is yours, claim it: it becomes an output port of your product, and the runs already seen with it become observed dependencies.
        </p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label="Search unclaimed datasets">
        <Field label="Namespace, name or job" htmlFor="u-q"><input id="u-q" name="q" defaultValue={q ?? ""} className={inputClass} /></Field>
        <button type="submit" className={buttonClass("secondary")}>Search</button>
      </form>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{r.total} {r.total === 1 ? "dataset" : "datasets"}{q ? ` matching “${q}”` : ""}</p>
      {r.datasets.length === 0 ? (
        <EmptyState title="Nothing unclaimed">Every dataset seen in lineage maps to a product{q ? " (for this search)" : ""}.</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Unclaimed datasets">
          {r.datasets.map((d) => (
            <Card as="li" key={d.id} aria-label={`${d.namespace} ${d.name}`}>
              <p className="break-all font-mono text-sm"><span className="text-zinc-600 dark:text-zinc-400">{d.namespace}</span> {d.name}</p>
              <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                Seen in {d.eventCount} {d.eventCount === 1 ? "event" : "events"} · first {when(d.firstSeen)} UTC · last {when(d.lastSeen)} UTC
                {d.readBy.length ? <> · read by <span className="font-mono">{d.readBy.join(", ")}</span></> : null}
                {d.writtenBy.length ? <> · written by <span className="font-mono">{d.writtenBy.join(", ")}</span></> : null}
              </p>
              {r.claimable.length ? (
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-medium">Claim for one of my products</summary>
                  <ActionForm action={claimDatasetAction} hidden={{ namespace: d.namespace, name: d.name }} label={`Claim ${d.name}`} submitLabel="Claim" success="Claimed: it is now an output port of the product." className="mt-2 space-y-2">
                    <Field label="Product" htmlFor={`p-${d.id}`}>
                      <select id={`p-${d.id}`} name="product" required className={inputClass}>
                        {r.claimable.map((p) => <option key={p.key} value={p.key}>{p.key} ({p.name})</option>)}
                      </select>
                    </Field>
                    <Field label="Port kind" htmlFor={`k-${d.id}`}>
                      <select id={`k-${d.id}`} name="kind" defaultValue="TABLE" className={inputClass}>
                        <option value="TABLE">Table</option><option value="TOPIC">Topic</option><option value="FILE">File</option><option value="API">API</option>
                      </select>
                    </Field>
                    <Field label="Port name (optional)" htmlFor={`n-${d.id}`} hint="Default: the last part of the dataset name"><input id={`n-${d.id}`} name="portName" className={inputClass} /></Field>
                  </ActionForm>
                </details>
              ) : null}
            </Card>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages" className="flex gap-2 text-sm">
          {page > 1 ? <Link href={href(page - 1)} className="underline">Previous</Link> : null}
          <span>Page {page} of {pages}</span>
          {page < pages ? <Link href={href(page + 1)} className="underline">Next</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
