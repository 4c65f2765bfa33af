import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUserCtx } from "@/lib/server/auth/session";
import { listSubscribers } from "@/lib/server/services/subscriptions/list-subscribers";
import { NotFoundError } from "@/lib/server/errors";
import { Card, SectionTitle, EmptyState } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Field, inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/action-form";
import { decideSubscriptionAction, revokeSubscriptionAction } from "../../../subscriptions/actions";
import { DataTable, TABLE_ROW } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Subscribers" };

export default async function SubscribersPage({ params }: { params: Promise<{ key: string }> }) {
  const key = decodeURIComponent((await params).key);
  const ctx = await requireUserCtx();
  let data;
  try {
    data = await listSubscribers(ctx, key);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const { product, subscribers, perMajor, canDecide } = data;
  const pending = subscribers.filter((s) => s.status === "PENDING");
  const active = subscribers.filter((s) => s.status !== "PENDING");
  const max = Math.max(1, ...perMajor.map((m) => m.count));
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm"><Link href={`/products/${product.key}`} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">{product.name}</Link> /</p>
          <h1 className="text-2xl font-semibold tracking-tight">Subscribers</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Who depends on <span className="font-mono">{product.key}</span>, through which pin, for what.</p>
        </div>
        <a href={`/api/v1/products/${encodeURIComponent(product.key)}/subscribers?format=csv`} className={buttonClass("secondary")} download>Export CSV</a>
      </div>

      {perMajor.length ? (
        <Card>
          <SectionTitle>Subscribers per major version</SectionTitle>
          <ul className="space-y-2" aria-label="Subscribers per major version">
            {perMajor.map((m) => (
              <li key={m.major} className="flex items-center gap-3 text-sm">
                <span className="w-16 font-mono">{m.major}</span>
                <span className="h-4 rounded bg-indigo-500" style={{ width: `${(m.count / max) * 60}%` }} aria-hidden />
                <span>{m.count}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {pending.length ? (
        <Card>
          <SectionTitle>Waiting for approval ({pending.length})</SectionTitle>
          <ul className="space-y-4">
            {pending.map((s) => (
              <li key={s.id} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-700">
                <p className="text-sm"><span className="font-medium">{s.consumerTeam.name}</span> asks for <span className="font-mono">{s.pinRange}</span>{s.consumingProduct ? <> for <span className="font-mono">{s.consumingProduct.key}</span></> : null}</p>
                <p className="text-sm text-zinc-700 dark:text-zinc-300">{s.purpose}</p>
                {canDecide ? (
                  <div className="mt-2 flex flex-wrap items-start gap-4">
                    <ActionForm action={decideSubscriptionAction} hidden={{ id: s.id, decision: "approve" }} label={`Approve ${s.consumerTeam.name}`} submitLabel="Approve" success="Approved." />
                    <ActionForm action={decideSubscriptionAction} hidden={{ id: s.id, decision: "reject" }} label={`Reject ${s.consumerTeam.name}`} submitLabel="Reject" variant="secondary" success="Rejected." className="flex-1">
                      <Field label="Reason for rejecting" htmlFor={`reason-${s.id}`}>
                        <input id={`reason-${s.id}`} name="reason" className={inputClass} />
                      </Field>
                    </ActionForm>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {active.length === 0 ? (
        <EmptyState title="No team subscribes yet" />
      ) : (
        <DataTable caption="Active subscribers" columns={["Team", "Pin", "Resolved", "Purpose", "Since", ...(canDecide ? [{ label: "Actions", hidden: true }] : [])]} minWidth={720}>
          {active.map((s) => (
            <tr key={s.id} className={TABLE_ROW}>
              <td className="p-3">
                <span className="font-medium">{s.consumerTeam.name}</span>
                {s.consumingProduct ? <span className="block font-mono text-xs text-zinc-600 dark:text-zinc-400">for {s.consumingProduct.key}</span> : null}
                {s.consumerTeam.contactChannel ? <span className="block text-xs text-zinc-600 dark:text-zinc-400">{s.consumerTeam.contactChannel}</span> : null}
              </td>
              <td className="p-3 font-mono">{s.pinRange}</td>
              <td className="p-3 font-mono">{s.resolvedVersion?.version ?? <Badge tone="red">broken</Badge>}</td>
              <td className="p-3">{s.purpose}</td>
              <td className="p-3">{s.createdAt.toISOString().slice(0, 10)}</td>
              {canDecide ? (
                <td className="p-3">
                  <details>
                    <summary className="cursor-pointer text-xs font-medium">Revoke…</summary>
                    <ActionForm action={revokeSubscriptionAction} hidden={{ id: s.id }} label={`Revoke ${s.consumerTeam.name}`} submitLabel="Revoke" variant="secondary" success="Revoked." className="mt-2 w-64">
                      <Field label="Reason (sent to the team)" htmlFor={`revoke-${s.id}`}>
                        <input id={`revoke-${s.id}`} name="reason" required className={inputClass} />
                      </Field>
                    </ActionForm>
                  </details>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
