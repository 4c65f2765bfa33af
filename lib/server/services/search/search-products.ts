import "server-only";
import { getDb } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import type { Ctx } from "../../auth/context";
import { UnauthenticatedError } from "../../errors";
import { parseQuery, isEmptyQuery } from "@/lib/domain/search/parse-query";
import { FACETS, PAGE_SIZE, parseSearchState, type Facet, type RawParams, type SearchState } from "@/lib/domain/search/search-state";
import { roundEstimate, type Count } from "@/lib/domain/search/counts";
import type { Band } from "@/lib/domain/search/ranking";
import { searchSql, type TextSpec } from "./search-sql";
import { catalogSize } from "./catalog-size";
import type { ProductHit, SearchResult, FacetValue } from "./types";


/**
 * Up to how many estimated matches the exact shape is used: it costs about one unit per match,
 * and the walk of the other shape about N / matches units per page row, so the crossover grows
 * with the square root of the catalog (2,000 at 100k products, ~5,500 at 1M).
 */
export function exactLimit(catalogSize: number): number {
  return Math.min(20_000, Math.max(2_000, Math.round(Math.sqrt(30 * Math.max(catalogSize, 0)))));
}

/** For tests and benchmarks: force the shape (exactMax) or the sample size. */
export interface SearchTuning {
  exactMax?: number;
  sample?: number;
}

type RawFacet = { facet: Facet; value: string; label: string; n: number };
type RawResult = {
  total: number;
  exact: boolean;
  /** Facet counts times this estimate the whole result (1 when exact). */
  scale: number;
  estimate: number | null;
  ignored: boolean;
  corrections: Record<string, string[]> | null;
  items: (Omit<ProductHit, "band"> & { band: Band | null })[];
  facets: RawFacet[];
  selected: { domain: { value: string; label: string }[]; owner: { value: string; label: string }[] };
};

/** The statement a search sends, or why none is needed. Shared with the benchmark (raw SQL). */
export function buildSearch(state: SearchState, catalogRows: number, tuning?: SearchTuning): { sql: Prisma.Sql; hasText: boolean } | { empty: SearchResult["query"] } {
  if (state.impossible.length) return { empty: { text: state.q, ignored: false, corrections: {} } };
  const parsed = parseQuery(state.q);
  // Only operators, punctuation or one-letter words: nothing to search for, say so.
  if (state.q.trim() && isEmptyQuery(parsed)) return { empty: { text: state.q, ignored: true, corrections: {} } };
  const text: TextSpec | null = isEmptyQuery(parsed)
    ? null
    : { spec: JSON.stringify({ groups: parsed.groups, phrases: parsed.phrases, exclude: parsed.exclude }), prefixLast: parsed.openEnded, hasGroups: parsed.groups.length > 0 };
  const sql = searchSql(state, text, {
    offset: (state.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    exactMax: tuning?.exactMax ?? exactLimit(catalogRows),
    sample: tuning?.sample,
  });
  return { sql, hasText: !!text };
}

/**
 * The marketplace search: words (websearch syntax, typo tolerant), facets, sorts, pages.
 * Read-only; any signed-in user or token may search. Hostile input yields results or nothing.
 * One SQL statement (search-sql.ts).
 */
export async function searchProducts({ ctx, input, tuning }: { ctx: Ctx; input: SearchState | RawParams; tuning?: SearchTuning }): Promise<SearchResult> {
  if (ctx.actor.kind === "anonymous") throw new UnauthenticatedError();
  const state = isState(input) ? input : parseSearchState(input);
  const base = { state, page: state.page, pageSize: PAGE_SIZE };
  const built = buildSearch(state, tuning?.exactMax === undefined ? await catalogSize() : 0, tuning);
  if ("empty" in built) return emptyResult(base, built.empty);
  const rows = await getDb().$queryRaw<{ result: RawResult }[]>(built.sql);
  const r = rows[0]!.result;
  return toResult(r, base, { text: state.q, ignored: r.ignored, corrections: r.corrections ?? {} }, built.hasText);
}

function isState(x: SearchState | RawParams): x is SearchState {
  return !(x instanceof URLSearchParams) && Array.isArray((x as SearchState).tier) && typeof (x as SearchState).page === "number";
}

function emptyResult(base: { state: SearchState; page: number; pageSize: number }, query: SearchResult["query"]): SearchResult {
  return { ...base, items: [], total: { value: 0, kind: "exact" }, pages: 0, facets: facetsOf(base.state, [], null, { domain: [], owner: [] }), query };
}

function toResult(r: RawResult, base: { state: SearchState; page: number; pageSize: number }, query: SearchResult["query"], hasText: boolean): SearchResult {
  const scale = r.exact ? null : (n: number) => Math.max(n, Math.round(n * Number(r.scale)));
  const total: Count = r.exact ? { value: Number(r.total), kind: "exact" } : { value: roundEstimate(Number(r.total)), kind: "estimate" };
  const items: ProductHit[] = r.items.map((i) => ({ ...i, band: hasText && base.state.sort === "relevance" ? i.band : null }));
  const pages = Math.min(Math.ceil(total.value / base.pageSize), 100);
  return { ...base, items, total, pages, facets: facetsOf(base.state, r.facets, scale, r.selected), query };
}

/** Facet values with counts, the selected ones always listed (with no count when not in the set). */
function facetsOf(state: SearchState, raw: RawFacet[], scale: ((n: number) => number) | null, selected: RawResult["selected"]): Record<Facet, FacetValue[]> {
  const out = Object.fromEntries(FACETS.map((f) => [f, [] as FacetValue[]])) as Record<Facet, FacetValue[]>;
  for (const r of raw) {
    const value = r.value;
    const count: Count = scale ? { value: roundEstimate(scale(r.n)), kind: "estimate" } : { value: r.n, kind: "exact" };
    out[r.facet].push({ value, label: r.label, count, selected: (state[r.facet] as string[]).includes(value) });
  }
  for (const f of FACETS) {
    for (const v of state[f] as string[]) {
      if (out[f].some((x) => x.value === v)) continue;
      const label = f === "domain" || f === "owner" ? (selected[f].find((s) => s.value === v)?.label ?? v) : v;
      out[f].push({ value: v, label, count: null, selected: true });
    }
    out[f].sort((a, b) => (b.count?.value ?? -1) - (a.count?.value ?? -1) || a.label.localeCompare(b.label));
  }
  return out;
}
