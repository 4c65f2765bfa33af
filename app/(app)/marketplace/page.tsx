import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { listProducts, ZListProducts } from "@/lib/server/services/catalog/list-products";
import { listDomains } from "@/lib/server/services/catalog/list-domains";
import { ProductCard } from "@/components/catalog/product-card";
import { EmptyState } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Marketplace" };

type SP = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function MarketplacePage({ searchParams }: { searchParams: Promise<SP> }) {
  await requireUser("/marketplace");
  const sp = await searchParams;
  const parsed = ZListProducts.safeParse({ q: one(sp.q), domain: one(sp.domain), tier: one(sp.tier), class: one(sp.class), page: one(sp.page) });
  const filters = parsed.success ? parsed.data : ZListProducts.parse({});
  const [result, domains] = await Promise.all([listProducts(filters), listDomains()]);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const pageHref = (page: number) => {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries({ q: filters.q, domain: filters.domain, tier: filters.tier, class: filters.class })) if (v) u.set(k, v);
    if (page > 1) u.set("page", String(page));
    return `/marketplace?${u}`;
  };
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Marketplace</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Find a data product, read its contract and promises, and subscribe your team.</p>
      </div>
      <form method="get" action="/marketplace" className="grid gap-3 rounded-xl border border-zinc-200 bg-white p-3 sm:grid-cols-[1fr_auto_auto_auto_auto] dark:border-zinc-800 dark:bg-zinc-900">
        <div>
          <label htmlFor="q" className="sr-only">Search</label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Search names, topics, descriptions, owners, tags" className={inputClass} />
        </div>
        <div>
          <label htmlFor="domain" className="sr-only">Domain</label>
          <select id="domain" name="domain" defaultValue={filters.domain ?? ""} className={inputClass}>
            <option value="">All domains</option>
            {domains.map((d) => (
              <option key={d.slug} value={d.slug}>{d.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="tier" className="sr-only">Tier</label>
          <select id="tier" name="tier" defaultValue={filters.tier ?? ""} className={inputClass}>
            <option value="">All tiers</option>
            <option value="GOLD">Gold</option>
            <option value="SILVER">Silver</option>
            <option value="BRONZE">Bronze</option>
          </select>
        </div>
        <div>
          <label htmlFor="class" className="sr-only">Reliability class</label>
          <select id="class" name="class" defaultValue={filters.class ?? ""} className={inputClass}>
            <option value="">All classes</option>
            <option value="OPERATIONAL">Operational</option>
            <option value="DECISION_SUPPORT">Decision support</option>
            <option value="EXPLORATORY">Exploratory</option>
          </select>
        </div>
        <button type="submit" className={buttonClass("primary")}>Filter</button>
      </form>
      <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
        {result.total} {result.total === 1 ? "product" : "products"}
        {filters.q ? <> matching “{filters.q}”</> : null}
      </p>
      {result.items.length === 0 ? (
        <EmptyState title="No data products match">
          Try fewer words, another tier, or <Link className="underline" href="/marketplace">clear all filters</Link>.
        </EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Data products">
          {result.items.map((p) => (
            <ProductCard key={p.id} p={p} />
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-center gap-2 text-sm">
          {filters.page > 1 ? <Link className={buttonClass("secondary")} href={pageHref(filters.page - 1)}>Previous</Link> : null}
          <span>Page {filters.page} of {pages}</span>
          {filters.page < pages ? <Link className={buttonClass("secondary")} href={pageHref(filters.page + 1)}>Next</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
