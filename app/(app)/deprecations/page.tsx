import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { listNotices } from "@/lib/server/services/deprecations/list-notices";
import { TierBadge } from "@/components/catalog/tier-badge";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { fmtDate } from "@/components/product/side-panels";

export const metadata: Metadata = { title: "Deprecations" };

export default async function DeprecationsPage() {
  await requireUser("/deprecations");
  const notices = await listNotices();
  const now = Date.now();
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Deprecations</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Every announced retirement in the catalog, soonest first.</p>
      </div>
      {notices.length === 0 ? (
        <EmptyState title="Nothing is being retired" />
      ) : (
        <ul className="space-y-3">
          {notices.map((n) => {
            const days = Math.ceil((n.sunsetAt.getTime() - now) / 864e5);
            return (
              <li key={n.id} className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/products/${n.product.key}`} className="font-semibold hover:underline">{n.product.name}</Link>
                  <TierBadge tier={n.product.tier} />
                  <span className="font-mono text-sm">{n.targetRange ?? "whole product"}</span>
                  {days > 0 ? <Badge tone={days <= 30 ? "red" : "amber"}>{days} days to sunset</Badge> : <Badge tone="red">retired</Badge>}
                </div>
                <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{n.reason}</p>
                <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                  Announced {fmtDate(n.announcedAt)} · sunset {fmtDate(n.sunsetAt)} · owner {n.product.team.name} · {n.product.activeSubscriberCount} subscribers
                  {n.replacementProduct || n.replacementRange ? ` · replacement ${n.replacementProduct?.key ?? n.product.key} ${n.replacementRange ?? ""}` : ""}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
