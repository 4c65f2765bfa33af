import Link from "next/link";
import type { ProductHit } from "@/lib/server/services/search/types";
import { daysUntil } from "@/lib/domain/search/counts";
import { TierBadge, ClassBadge } from "./tier-badge";
import { StatusLight } from "./status-light";
import { Badge } from "../ui/badge";

const fmt = new Intl.NumberFormat("en-US");

/** A marketplace result: what a consumer checks before opening the product. */
export function ProductCard({ p, now }: { p: ProductHit; now: Date }) {
  const sunsetDays = p.sunsetAt ? daysUntil(new Date(p.sunsetAt), now) : null;
  return (
    <li className="flex flex-col rounded-xl border border-zinc-200 bg-white p-4 shadow-xs transition hover:border-indigo-300 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-indigo-700">
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
      <div className="mb-3 mt-3 flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
        <ClassBadge value={p.reliabilityClass} />
        {p.lifecycleStatus === "DEPRECATED" ? (
          <Badge tone="amber" title={p.sunsetAt ? `Sunset on ${p.sunsetAt.slice(0, 10)}` : undefined}>
            Deprecated{sunsetDays !== null ? (sunsetDays > 0 ? ` · sunset in ${sunsetDays} day${sunsetDays === 1 ? "" : "s"}` : " · sunset passed") : ""}
          </Badge>
        ) : null}
        {p.lifecycleStatus === "RETIRED" ? <Badge tone="red">Retired</Badge> : null}
        {p.lifecycleStatus === "DRAFT" ? <Badge>Draft · no contract yet</Badge> : null}
        <StatusLight status={p.sloStatus} atRisk={p.atRisk} />
      </div>
      <dl className="mt-auto grid grid-cols-3 gap-2 border-t border-zinc-100 pt-2 text-xs dark:border-zinc-800 [&_dd]:font-medium [&_dt]:text-zinc-600 dark:[&_dt]:text-zinc-400">
        <div className="min-w-0">
          <dt>Owner</dt>
          <dd className="truncate">{p.owner.name}</dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd className="font-mono">{p.version ?? "—"}</dd>
        </div>
        <div>
          <dt>Subscribers</dt>
          <dd>{fmt.format(p.activeSubscriberCount)}</dd>
        </div>
      </dl>
    </li>
  );
}
