// The marketplace search state, which lives in the URL: ?q=&domain=&tier=&class=&slo=&status=
// &owner=&tag=&sort=&page=. Parsing is lenient (a link is never an error page): unknown values
// are dropped, and a facet given only unknown values matches nothing. Serialising is canonical, so
// the same state always gives the same URL.
import { RELIABILITY_CLASSES, TIERS, type ReliabilityClass, type Tier } from "../product-key";
import { SLO_STATUSES, type SloStatus } from "../slo/status";

export const LIFECYCLE_STATUSES = ["ACTIVE", "DEPRECATED", "DRAFT", "RETIRED"] as const;
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];

export const SORTS = ["relevance", "name", "updated", "subscribers"] as const;
export type Sort = (typeof SORTS)[number];

/** Facets in the order they are shown and serialised. */
export const FACETS = ["domain", "tier", "class", "slo", "status", "owner", "tag"] as const;
export type Facet = (typeof FACETS)[number];

export const PAGE_SIZE = 24;
/** Deeper pages are not served: a search that needs them needs more words or a facet. */
export const MAX_PAGE = 100;
export const MAX_VALUES_PER_FACET = 20;
export const MAX_Q_LENGTH = 500;

export interface SearchState {
  q: string;
  domain: string[];
  tier: Tier[];
  class: ReliabilityClass[];
  slo: SloStatus[];
  status: LifecycleStatus[];
  owner: string[];
  tag: string[];
  sort: Sort;
  page: number;
  /** Facets that were given only values that cannot exist: the result is empty. */
  impossible: Facet[];
}

const SLUG = /^[a-z][a-z0-9_-]{0,62}$/;
const TAG = /^[a-z0-9][a-z0-9_-]{0,39}$/;

const ALLOWED: Record<Facet, (v: string) => string | null> = {
  domain: (v) => (SLUG.test(v.toLowerCase()) ? v.toLowerCase() : null),
  owner: (v) => (SLUG.test(v.toLowerCase()) ? v.toLowerCase() : null),
  tag: (v) => (TAG.test(v.toLowerCase()) ? v.toLowerCase() : null),
  tier: (v) => oneOf(TIERS, v),
  class: (v) => oneOf(RELIABILITY_CLASSES, v),
  slo: (v) => oneOf(SLO_STATUSES, v),
  status: (v) => oneOf(LIFECYCLE_STATUSES, v),
};

function oneOf<T extends string>(values: readonly T[], v: string): T | null {
  const up = v.toUpperCase().replace(/[\s-]/g, "_");
  return (values as readonly string[]).includes(up) ? (up as T) : null;
}

export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function all(params: RawParams, key: string): string[] {
  const values = params instanceof URLSearchParams ? params.getAll(key) : ([] as string[]).concat(params[key] ?? []);
  // Repeated keys and comma-separated lists both work: ?tier=GOLD&tier=SILVER or ?tier=GOLD,SILVER
  return values.flatMap((v) => String(v).slice(0, 2000).split(",")).map((v) => v.trim()).filter(Boolean);
}

export const EMPTY_STATE: SearchState = {
  q: "",
  domain: [],
  tier: [],
  class: [],
  slo: [],
  status: [],
  owner: [],
  tag: [],
  sort: "relevance",
  page: 1,
  impossible: [],
};

/** Reads the state from URL parameters; never throws. */
export function parseSearchState(params: RawParams): SearchState {
  const state: SearchState = { ...EMPTY_STATE, impossible: [] };
  const q = params instanceof URLSearchParams ? params.get("q") : [params.q].flat()[0];
  state.q = typeof q === "string" ? q.slice(0, MAX_Q_LENGTH).trim() : "";
  for (const facet of FACETS) {
    const raw = all(params, facet);
    const valid = [...new Set(raw.map(ALLOWED[facet]).filter((v): v is string => v !== null))].slice(0, MAX_VALUES_PER_FACET).sort();
    (state[facet] as string[]) = valid;
    if (raw.length > 0 && valid.length === 0) state.impossible.push(facet);
  }
  const sort = all(params, "sort")[0];
  state.sort = (SORTS as readonly string[]).includes(sort ?? "") ? (sort as Sort) : "relevance";
  const page = Number(all(params, "page")[0] ?? 1);
  state.page = Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1;
  return state;
}

/** The canonical query string of a state (defaults left out). */
export function toSearchParams(state: SearchState): URLSearchParams {
  const out = new URLSearchParams();
  if (state.q.trim()) out.set("q", state.q.trim());
  for (const facet of FACETS) for (const v of state[facet]) out.append(facet, v);
  if (state.sort !== "relevance") out.set("sort", state.sort);
  if (state.page > 1) out.set("page", String(state.page));
  return out;
}

/** `/marketplace?...` for a state. */
export function searchHref(state: SearchState, path = "/marketplace"): string {
  const qs = toSearchParams(state).toString();
  return qs ? `${path}?${qs}` : path;
}

/** Adds or removes one facet value; any change of the result set goes back to page 1. */
export function toggleFacet(state: SearchState, facet: Facet, value: string): SearchState {
  const current = state[facet] as string[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value].sort();
  return { ...state, [facet]: next, page: 1, impossible: state.impossible.filter((f) => f !== facet) };
}

export function clearFacet(state: SearchState, facet: Facet): SearchState {
  return { ...state, [facet]: [], page: 1, impossible: state.impossible.filter((f) => f !== facet) };
}

export function withQuery(state: SearchState, q: string): SearchState {
  return { ...state, q: q.slice(0, MAX_Q_LENGTH), page: 1 };
}

export function withSort(state: SearchState, sort: Sort): SearchState {
  return { ...state, sort, page: 1 };
}

export function withPage(state: SearchState, page: number): SearchState {
  return { ...state, page: Math.max(1, Math.min(MAX_PAGE, Math.trunc(page) || 1)) };
}

/** True when any facet narrows the result. */
export function hasFilters(state: SearchState): boolean {
  return FACETS.some((f) => state[f].length > 0) || state.impossible.length > 0;
}

/** Retired products are hidden unless the status facet asks for them. */
export function includesRetired(state: SearchState): boolean {
  return state.status.includes("RETIRED");
}
