"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { clearFacet, FACETS, searchHref, toggleFacet, type Facet, type SearchState } from "@/lib/domain/search/search-state";
import { formatCount } from "@/lib/domain/search/counts";
import type { FacetValue } from "@/lib/server/services/search/types";
import { buttonClass } from "../ui/button";
import { FACET_TITLE, valueLabel } from "@/lib/domain/search/labels";

/** Values of fixed facets listed even at zero, in their natural order. */
const FIXED: Partial<Record<Facet, string[]>> = {
  tier: ["GOLD", "SILVER", "BRONZE"],
  class: ["OPERATIONAL", "DECISION_SUPPORT", "EXPLORATORY"],
  slo: ["GREEN", "AMBER", "RED", "UNKNOWN"],
  status: ["ACTIVE", "DEPRECATED", "DRAFT", "RETIRED"],
};
const SHOWN = 6;
// Row styles set once on each list (the sidebar has many rows: keep the page small).
const ROWS =
  "space-y-1.5 [&>li]:flex [&>li]:items-center [&>li]:gap-2 [&_input]:h-4 [&_input]:w-4 [&_input]:accent-indigo-600 [&_label]:flex [&_label]:min-w-0 [&_label]:flex-1 [&_label]:items-baseline [&_label]:justify-between [&_label]:gap-2 [&_label]:text-sm [&_label>span:first-child]:truncate [&_label>span+span]:shrink-0 [&_label>span+span]:text-xs [&_label>span+span]:tabular-nums [&_label>span+span]:text-zinc-600 dark:[&_label>span+span]:text-zinc-400";

function valuesOf(facet: Facet, values: FacetValue[], state: SearchState): FacetValue[] {
  const fixed = FIXED[facet];
  if (!fixed) return values;
  return fixed.map((v) => values.find((x) => x.value === v) ?? { value: v, label: v, count: null, selected: (state[facet] as string[]).includes(v) });
}

/**
 * Facet checkboxes. Each change navigates (a history entry: the back button undoes it) and the
 * server renders the new results; without JavaScript, "Apply filters" submits the same form.
 */
export function FacetFilters({ state, facets }: { state: SearchState; facets: Record<Facet, FacetValue[]> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Checkboxes flip at once; the server's answer replaces this state when it arrives.
  const [shown, toggleShown] = useOptimistic(state, (s, c: { facet: Facet; value: string }) => toggleFacet(s, c.facet, c.value));
  const toggle = (facet: Facet, value: string) =>
    startTransition(() => {
      toggleShown({ facet, value });
      router.push(searchHref(toggleFacet(shown, facet, value)), { scroll: false });
    });
  const approximate = Object.values(facets).some((vs) => vs.some((v) => v.count?.kind === "estimate"));

  return (
    <form method="get" action="/marketplace" aria-label="Filters" className="space-y-4" aria-busy={pending}>
      {state.q ? <input type="hidden" name="q" value={state.q} /> : null}
      {state.sort !== "relevance" ? <input type="hidden" name="sort" value={state.sort} /> : null}
      {approximate ? <p className="text-xs text-zinc-600 dark:text-zinc-400">Counts marked ≈ are estimated from a sample of the catalog.</p> : null}
      {FACETS.map((facet) => {
        const values = valuesOf(facet, facets[facet], state);
        if (values.length === 0) return null;
        const selected = (state[facet] as string[]).length > 0;
        const row = (v: FacetValue) => {
          const id = `f-${facet}-${v.value}`;
          const label = valueLabel(facet, v.value, v.label);
          return (
            <li key={v.value}>
              <input id={id} type="checkbox" name={facet} value={v.value} checked={(shown[facet] as string[]).includes(v.value)} onChange={() => toggle(facet, v.value)} />
              <label htmlFor={id}>
                <span>{label}</span>
                <span>{v.count ? formatCount(v.count, "short") : v.selected ? "" : "–"}</span>
              </label>
            </li>
          );
        };
        return (
          <fieldset key={facet} className="border-t border-zinc-200 pt-3 first:border-0 first:pt-0 dark:border-zinc-800">
            <legend className="flex w-full items-center justify-between text-sm font-semibold">
              <span>{FACET_TITLE[facet]}</span>
            </legend>
            <ul className={`mt-2 ${ROWS}`}>{values.slice(0, SHOWN).map(row)}</ul>
            {values.length > SHOWN ? (
              <details className="mt-1.5" open={values.slice(SHOWN).some((v) => v.selected)}>
                <summary className="cursor-pointer text-sm text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">
                  {values.length - SHOWN} more
                </summary>
                <ul className={`mt-1.5 ${ROWS}`}>{values.slice(SHOWN).map(row)}</ul>
              </details>
            ) : null}
            {selected ? (
              <Link href={searchHref(clearFacet(state, facet))} scroll={false} className="mt-1.5 inline-block text-xs text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
                Clear {FACET_TITLE[facet].toLowerCase()}
              </Link>
            ) : null}
          </fieldset>
        );
      })}
      <button type="submit" className={buttonClass("secondary", "w-full")}>
        Apply filters
      </button>
    </form>
  );
}
