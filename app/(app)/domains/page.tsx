import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { listDomains } from "@/lib/server/services/catalog/list-domains";
import { TierBadge } from "@/components/catalog/tier-badge";

export const metadata: Metadata = { title: "Domains" };

export default async function DomainsPage() {
  await requireUser("/domains");
  const domains = await listDomains();
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Domains</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Bounded contexts, each owned by one team, each with its own words.</p>
      </div>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {domains.map((d) => (
          <li key={d.slug} className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
            <h2 className="font-semibold">
              <Link href={`/domains/${d.slug}`} className="hover:underline">{d.name}</Link>
            </h2>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">Owned by {d.team.name}</p>
            {d.description ? <p className="mt-2 line-clamp-3 text-sm text-zinc-700 dark:text-zinc-300">{d.description}</p> : null}
            <p className="mt-3 flex flex-wrap items-center gap-2 text-xs">
              <span className="text-zinc-600 dark:text-zinc-400">{d.total} products:</span>
              <TierBadge tier="GOLD" /> {d.tiers.GOLD}
              <TierBadge tier="SILVER" /> {d.tiers.SILVER}
              <TierBadge tier="BRONZE" /> {d.tiers.BRONZE}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
