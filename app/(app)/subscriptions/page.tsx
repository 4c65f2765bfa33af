import type { Metadata } from "next";
import Link from "next/link";
import { requireUserCtx } from "@/lib/server/auth/session";
import { listMySubscriptions } from "@/lib/server/services/subscriptions/list-my-subscriptions";
import { TierBadge } from "@/components/catalog/tier-badge";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { fmtDate } from "@/components/product/side-panels";

export const metadata: Metadata = { title: "My subscriptions" };

export default async function SubscriptionsPage() {
  const ctx = await requireUserCtx();
  const subs = await listMySubscriptions(ctx);
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">My subscriptions</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">What your teams depend on, through which pin, and what is going away.</p>
      </div>
      {subs.length === 0 ? (
        <EmptyState title="Your teams do not subscribe to anything yet">
          Find a product in the <Link className="underline" href="/marketplace">marketplace</Link> and subscribe your team to a version range.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <table className="w-full min-w-[720px] text-sm">
            <caption className="sr-only">Subscriptions of your teams</caption>
            <thead className="text-left text-xs uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
              <tr className="border-b border-zinc-200 dark:border-zinc-800">
                <th scope="col" className="p-3">Product</th>
                <th scope="col" className="p-3">Team</th>
                <th scope="col" className="p-3">Pin</th>
                <th scope="col" className="p-3">Resolved</th>
                <th scope="col" className="p-3">Newest</th>
                <th scope="col" className="p-3">State</th>
              </tr>
            </thead>
            <tbody>
              {subs.map((s) => {
                const sunset = s.product.notices.map((n) => n.sunsetAt).sort((a, b) => a.getTime() - b.getTime())[0];
                return (
                  <tr key={s.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                    <td className="p-3">
                      <Link href={`/products/${s.product.key}`} className="font-medium hover:underline">{s.product.name}</Link>{" "}
                      <TierBadge tier={s.product.tier} />
                      <span className="block font-mono text-xs text-zinc-600 dark:text-zinc-400">{s.product.key}</span>
                    </td>
                    <td className="p-3">{s.consumerTeam.name}{s.consumingProduct ? <span className="block font-mono text-xs text-zinc-600 dark:text-zinc-400">for {s.consumingProduct.key}</span> : null}</td>
                    <td className="p-3 font-mono">{s.pinRange}</td>
                    <td className="p-3 font-mono">{s.resolvedVersion?.version ?? "—"}</td>
                    <td className="p-3 font-mono">{s.product.currentVersion?.version ?? "—"}</td>
                    <td className="p-3">
                      {s.status === "BROKEN" ? <Badge tone="red">broken</Badge> : s.status === "PENDING" ? <Badge tone="amber">awaiting approval</Badge> : <Badge tone="green">active</Badge>}
                      {sunset ? <span className="block text-xs text-amber-800 dark:text-amber-300">sunset {fmtDate(sunset)}</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
