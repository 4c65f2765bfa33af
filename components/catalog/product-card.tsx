import Link from "next/link";
import type { ProductCard as TProductCard } from "@/lib/server/services/catalog/list-products";
import { TierBadge, ClassBadge } from "./tier-badge";
import { StatusLight } from "./status-light";
import { Badge } from "../ui/badge";

export function ProductCard({ p }: { p: TProductCard }) {
  return (
    <li className="rounded-xl border border-zinc-200 bg-white p-4 shadow-xs transition hover:border-indigo-300 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-indigo-700">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="truncate font-semibold">
            <Link href={`/products/${p.key}`} className="hover:underline focus-visible:underline">
              {p.name}
            </Link>
          </h3>
          <p className="truncate font-mono text-xs text-zinc-600 dark:text-zinc-400">{p.key}</p>
        </div>
        <TierBadge tier={p.tier} />
      </div>
      {p.description ? <p className="mt-2 line-clamp-2 text-sm text-zinc-700 dark:text-zinc-300">{p.description}</p> : null}
      <div className="mt-3 flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
        <ClassBadge value={p.reliabilityClass} />
        {p.lifecycleStatus === "DEPRECATED" ? <Badge tone="amber">Deprecated</Badge> : null}
        {p.lifecycleStatus === "RETIRED" ? <Badge tone="red">Retired</Badge> : null}
        <StatusLight status={p.sloStatus} atRisk={p.atRisk} />
      </div>
      <dl className="mt-3 grid grid-cols-3 gap-2 border-t border-zinc-100 pt-2 text-xs dark:border-zinc-800">
        <div>
          <dt className="text-zinc-600 dark:text-zinc-400">Owner</dt>
          <dd className="truncate font-medium">{p.team.name}</dd>
        </div>
        <div>
          <dt className="text-zinc-600 dark:text-zinc-400">Version</dt>
          <dd className="font-mono font-medium">{p.currentVersion?.version ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-zinc-600 dark:text-zinc-400">Subscribers</dt>
          <dd className="font-medium">{p.activeSubscriberCount}</dd>
        </div>
      </dl>
    </li>
  );
}
