import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUserCtx } from "@/lib/server/auth/session";
import { getSloHistory } from "@/lib/server/services/slo/get-slo-history";
import { NotFoundError } from "@/lib/server/errors";
import { formatObjectiveValue } from "@/lib/domain/slo/objective";
import { Card, SectionTitle, EmptyState } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/action-form";
import { SloStatusBadge } from "@/components/slo/status-badge";
import { BudgetBar } from "@/components/slo/budget-bar";
import { SloChart } from "@/components/slo/slo-chart";
import { ReliabilityNav } from "@/components/slo/product-crumbs";
import { updateSloAction } from "../slo-actions";

export const metadata: Metadata = { title: "SLOs" };

export default async function SloPage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<{ days?: string }> }) {
  const key = decodeURIComponent((await params).key);
  const days = (await searchParams).days === "90" ? 90 : 30;
  const ctx = await requireUserCtx();
  let data;
  try {
    data = await getSloHistory(ctx, key, days);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const { product } = data;
  return (
    <div className="space-y-5">
      <ReliabilityNav productKey={product.key} productName={product.name} current="slo" />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Service level objectives</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
            <span className="font-mono">{product.key}</span> <SloStatusBadge status={product.sloStatus} atRisk={product.atRisk} degraded={product.degraded} />
          </p>
          {product.sloStatus === "RED" || product.atRisk ? (
            <p className="mt-2 text-sm"><Link className="font-medium text-red-800 underline dark:text-red-300" href={`/products/${encodeURIComponent(product.key)}/impact`}>Who to tell: see everyone downstream</Link></p>
          ) : null}
        </div>
        <nav aria-label="History range" className="flex gap-2 text-sm">
          {[30, 90].map((d) => (
            <Link key={d} href={`?days=${d}`} aria-current={d === days ? "page" : undefined} className={`rounded border px-2 py-1 ${d === days ? "border-indigo-700 bg-indigo-50 font-medium text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100" : "border-zinc-300 dark:border-zinc-600"}`}>{d} days</Link>
          ))}
        </nav>
      </div>

      {data.feasibility.length > 0 ? (
        <Card aria-labelledby="feasibility-title" className="border-amber-300 dark:border-amber-800">
          <SectionTitle id="feasibility-title">Promises the upstreams cannot back</SectionTitle>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {data.feasibility.map((w) => <li key={`${w.objective}-${w.upstream}`}>{w.message}</li>)}
          </ul>
          <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">A product cannot be fresher, or more complete, than what it reads through HARD dependencies.</p>
        </Card>
      ) : null}

      {data.objectives.length === 0 ? (
        <EmptyState title="No objectives yet">Publishing a contract with an SLA creates one objective per promise.</EmptyState>
      ) : (
        data.objectives.map((o) => (
          <Card key={o.objective} aria-labelledby={`obj-${o.objective}`}>
            <SectionTitle id={`obj-${o.objective}`} action={<SloStatusBadge status={o.status} />}>
              {o.objective.charAt(0) + o.objective.slice(1).toLowerCase().replace("_", " ")}: {formatObjectiveValue(o.objective, o.threshold)}
            </SectionTitle>
            <dl className="mb-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
              <div><dt className="text-zinc-600 dark:text-zinc-400">Now</dt><dd className="font-medium">{o.currentValue === null ? "no data" : formatObjectiveValue(o.objective, o.currentValue)}</dd></div>
              <div><dt className="text-zinc-600 dark:text-zinc-400">Attainment ({o.windowDays} d)</dt><dd className="font-medium">{o.attainment === null ? "–" : `${Math.round(o.attainment * 100) / 100}%`} <span className="text-zinc-600 dark:text-zinc-400">target {o.targetPercent}%</span></dd></div>
              <div><dt className="text-zinc-600 dark:text-zinc-400">Burn rate (24 h)</dt><dd className="font-medium">{o.burnRate === null ? "–" : `${Math.round(o.burnRate * 100) / 100}×`}</dd></div>
              <div><dt className="text-zinc-600 dark:text-zinc-400">Last measurement</dt><dd className="font-medium">{o.lastMeasuredAt ? o.lastMeasuredAt.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "never"}</dd></div>
            </dl>
            <BudgetBar remaining={o.budgetRemaining} label={`Error budget, ${o.objective.toLowerCase()}`} />
            <div className="mt-4"><SloChart objective={o.objective} threshold={o.threshold} points={o.points} from={data.from} to={data.to} /></div>
            {data.canUpdate ? (
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-medium">Adjust target, window or cadence</summary>
                <ActionForm action={updateSloAction} hidden={{ product: product.key, objective: o.objective }} label={`Adjust ${o.objective.toLowerCase()} objective`} submitLabel="Save objective" success="Saved; status recomputed." className="mt-2 grid gap-3 sm:grid-cols-3">
                  <Field label="Target (% of measurements met)" htmlFor={`t-${o.objective}`}><input id={`t-${o.objective}`} name="targetPercent" type="number" step="0.01" min="50" max="100" defaultValue={o.targetPercent} className={inputClass} /></Field>
                  <Field label="Rolling window (days)" htmlFor={`w-${o.objective}`}><input id={`w-${o.objective}`} name="windowDays" type="number" min="1" max="365" defaultValue={o.windowDays} className={inputClass} /></Field>
                  <Field label="Expected cadence (minutes)" htmlFor={`c-${o.objective}`}><input id={`c-${o.objective}`} name="cadenceMinutes" type="number" min="1" max="10080" defaultValue={o.cadenceMinutes} className={inputClass} /></Field>
                </ActionForm>
              </details>
            ) : null}
          </Card>
        ))
      )}

      <Card>
        <SectionTitle>Status changes ({days} days)</SectionTitle>
        {data.changes.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">No change in this period.</p> : (
          <ul className="space-y-1 text-sm">
            {data.changes.map((c, i) => (
              <li key={i}><time dateTime={c.at.toISOString()}>{c.at.toISOString().replace("T", " ").slice(0, 16)}</time> · {c.objective ?? "product"}: {c.fromStatus} → <b>{c.toStatus}</b></li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
