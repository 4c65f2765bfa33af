import type { Metadata } from "next";
import Link from "next/link";
import { requireUserCtx } from "@/lib/server/auth/session";
import { listMySubscriptions } from "@/lib/server/services/subscriptions/list-my-subscriptions";
import { TierBadge } from "@/components/catalog/tier-badge";
import { EmptyState } from "@/components/ui/card";
import { StateBadge } from "@/components/subscriptions/state-badge";
import { DataTable, TABLE_ROW } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "My subscriptions" };

export default async function SubscriptionsPage() {
  const ctx = await requireUserCtx();
  const subs = await listMySubscriptions(ctx);
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">My subscriptions</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">What your teams depend on, most urgent first: broken, sunset soon, new major available.</p>
        <p className="mt-1 text-sm"><Link href="/subscriptions/timeline" className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">What of mine is going away: the timeline</Link></p>
      </div>
      {subs.length === 0 ? (
        <EmptyState title="Your teams do not subscribe to anything yet">
          Find a product in the <Link className="underline" href="/marketplace">marketplace</Link> and subscribe your team to a version range.
        </EmptyState>
      ) : (
        <DataTable caption="Subscriptions of your teams, most urgent first" columns={["Product", "Team", "Pin", "Resolved", "Newest in range", "Newest overall", "State"]} minWidth={820}>
          {subs.map((s) => (
            <tr key={s.id} className={TABLE_ROW}>
              <td className="p-3">
                <Link href={`/subscriptions/${s.id}`} className="font-medium underline-offset-2 hover:underline">{s.product.name}</Link> <TierBadge tier={s.product.tier} />
                <span className="block font-mono text-xs text-zinc-600 dark:text-zinc-400">{s.product.key}</span>
              </td>
              <td className="p-3">
                {s.consumerTeam.name}
                {s.consumingProduct ? <span className="block font-mono text-xs text-zinc-600 dark:text-zinc-400">for {s.consumingProduct.key}</span> : null}
              </td>
              <td className="p-3 font-mono">{s.pinRange}</td>
              <td className="p-3 font-mono">{s.resolved ?? "—"}</td>
              <td className="p-3 font-mono">{s.newestInRange ?? "—"}</td>
              <td className="p-3 font-mono">{s.newestOverall ?? "—"}</td>
              <td className="p-3">
                <StateBadge state={s.state} status={s.status} daysToSunset={s.daysToSunset} />
                {s.state === "DEPRECATED" && s.newestOverall && s.resolved && s.newestOverall.split(".")[0] !== s.resolved.split(".")[0] ? (
                  <span className="mt-1 block text-xs font-medium">New major {s.newestOverall} available</span>
                ) : null}
                {s.replacement ? (
                  <span className="mt-1 block text-xs text-zinc-700 dark:text-zinc-300">
                    move to <span className="font-mono">{s.replacement.key} {s.replacement.range ?? ""}</span>
                  </span>
                ) : null}
                {s.state === "NEW_MAJOR_AVAILABLE" || s.state === "DEPRECATED" ? (
                  <Link href={`/subscriptions/${s.id}`} className="mt-1 block text-xs font-medium text-indigo-700 underline dark:text-indigo-300">Open the upgrade assistant</Link>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
