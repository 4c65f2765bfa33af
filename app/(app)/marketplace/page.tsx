import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/auth/session";
import { makeCtx } from "@/lib/server/auth/context";
import { searchProducts } from "@/lib/server/services/search/search-products";
import type { SearchResult } from "@/lib/server/services/search/types";
import { EMPTY_STATE, FACETS, clearFacet, hasFilters, parseSearchState, searchHref, toggleFacet, withQuery } from "@/lib/domain/search/search-state";
import { formatTotal } from "@/lib/domain/search/counts";
import { parseQuery } from "@/lib/domain/search/parse-query";
import { ProductCard } from "@/components/catalog/product-card";
import { SearchBox } from "@/components/search/search-box";
import { FacetFilters } from "@/components/search/facet-filters";
import { FACET_TITLE, valueLabel } from "@/lib/domain/search/labels";
import { Pagination } from "@/components/search/pagination";
import { EmptyState } from "@/components/ui/card";

export const metadata: Metadata = { title: "Marketplace" };

type SP = Record<string, string | string[] | undefined>;

export default async function MarketplacePage({ searchParams }: { searchParams: Promise<SP> }) {
  const user = await requireUser("/marketplace");
  const state = parseSearchState(await searchParams);
  const result = await searchProducts({ ctx: makeCtx(user), input: state });
  const now = new Date();
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Marketplace</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Find a data product, read its contract and promises, and subscribe your team.</p>
      </div>
      <SearchBox state={state} />
      <div className="grid gap-6 lg:grid-cols-[15rem_1fr]">
        <aside aria-labelledby="filters-title" className="order-2 lg:order-1">
          <h2 id="filters-title" className="mb-3 text-base font-semibold">
            Filters
          </h2>
          <FacetFilters state={state} facets={result.facets} />
        </aside>
        <section aria-labelledby="results-title" className="order-1 min-w-0 space-y-4 lg:order-2">
          <h2 id="results-title" className="sr-only">
            Results
          </h2>
          <Summary result={result} />
          {result.items.length === 0 ? (
            <NoResults result={result} />
          ) : (
            <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" aria-label="Data products">
              {result.items.map((p) => (
                <ProductCard key={p.id} p={p} now={now} />
              ))}
            </ul>
          )}
          <Pagination state={state} pages={result.pages} exact={result.total.kind === "exact"} hasMore={result.items.length === result.pageSize && (result.total.kind === "estimate" || state.page < result.pages)} />
        </section>
      </div>
    </div>
  );
}

function Summary({ result }: { result: SearchResult }) {
  const { state, total, query } = result;
  const corrected = Object.entries(query.corrections);
  return (
    <div className="space-y-1 text-sm" aria-live="polite">
      <p className="text-zinc-700 dark:text-zinc-300">
        <span className="font-medium">{formatTotal(total)}</span>
        {state.q && !query.ignored ? <> matching “{state.q}”</> : null}
        {hasFilters(state) ? " with the filters below" : null}
        {state.page > 1 ? ` · page ${state.page}` : null}
      </p>
      {corrected.length ? (
        <p className="text-zinc-600 dark:text-zinc-400">
          No product uses {corrected.map(([w], i) => <span key={w}>{i ? ", " : ""}“{w}”</span>)}: also showing matches for{" "}
          {corrected.map(([w, alts], i) => (
            <span key={w}>
              {i ? "; " : ""}
              {alts.map((a) => `${a}…`).join(", ")}
            </span>
          ))}
        </p>
      ) : null}
      {query.ignored ? <p className="text-zinc-600 dark:text-zinc-400">Nothing searchable in “{state.q}”: use words from a name, topic, field or owner.</p> : null}
    </div>
  );
}

/** Zero results: say why, and offer the ways out that exist. */
function NoResults({ result }: { result: SearchResult }) {
  const { state, query } = result;
  const words = parseQuery(state.q).groups.flat();
  const active = FACETS.flatMap((f) => (state[f] as string[]).map((v) => ({ f, v })));
  if (!state.q && !hasFilters(state)) {
    return (
      <EmptyState title="No data products yet">
        When a domain team publishes its first product it appears here. <Link className="underline" href="/domains">See the domains</Link>.
      </EmptyState>
    );
  }
  const suggestions: { href: string; label: string }[] = [];
  if (active.length) suggestions.push({ href: searchHref({ ...EMPTY_STATE, q: state.q, sort: state.sort }), label: state.q ? `Search “${state.q}” without filters` : "Remove every filter" });
  for (const { f, v } of active.slice(0, 4)) {
    const label = valueLabel(f, v, result.facets[f].find((x) => x.value === v)?.label ?? v);
    suggestions.push({ href: searchHref(toggleFacet(state, f, v)), label: `Remove ${FACET_TITLE[f].toLowerCase()}: ${label}` });
  }
  if (words.length > 1) suggestions.push({ href: searchHref(withQuery(state, words.slice(0, -1).join(" "))), label: `Search “${words.slice(0, -1).join(" ")}” (fewer words)` });
  if (state.status.length === 0 && state.q && !query.ignored) suggestions.push({ href: searchHref(toggleFacet(clearFacet(state, "status"), "status", "RETIRED")), label: "Look among retired products" });
  return (
    <EmptyState title={query.ignored ? "Nothing to search for" : "No data products match"}>
      <p>Check the spelling, use fewer or more general words, or remove a filter.</p>
      {suggestions.length ? (
        <ul className="mt-3 space-y-1" aria-label="Suggestions">
          {suggestions.map((s) => (
            <li key={s.href}>
              <Link className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300" href={s.href}>
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-3">
        Or <Link className="underline" href="/domains">browse the domains</Link>.
      </p>
    </EmptyState>
  );
}

