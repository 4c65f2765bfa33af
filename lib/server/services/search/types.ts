import type { Count } from "@/lib/domain/search/counts";
import type { Band } from "@/lib/domain/search/ranking";
import type { Facet, LifecycleStatus, SearchState } from "@/lib/domain/search/search-state";
import type { ReliabilityClass, Tier } from "@/lib/domain/product-key";
import type { SloStatus } from "@/lib/domain/slo/status";

/** One result card: plain JSON (dates as ISO strings), the same for the page and the API. */
export interface ProductHit {
  id: string;
  key: string;
  name: string;
  topic: string;
  tier: Tier;
  description: string;
  reliabilityClass: ReliabilityClass;
  lifecycleStatus: LifecycleStatus;
  sloStatus: SloStatus;
  atRisk: boolean;
  tags: string[];
  activeSubscriberCount: number;
  updatedAt: string;
  domain: { slug: string; name: string };
  owner: { slug: string; name: string };
  /** Current contract version, null before the first publish. */
  version: string | null;
  /** Earliest sunset of an active deprecation notice. */
  sunsetAt: string | null;
  /** Relevance band when sorted by relevance with words; null otherwise. */
  band: Band | null;
}

export interface FacetValue {
  value: string;
  label: string;
  /** Null for a selected value outside the current result (selecting another value of its facet adds to the result). */
  count: Count | null;
  selected: boolean;
}

export interface SearchResult {
  state: SearchState;
  items: ProductHit[];
  total: Count;
  page: number;
  pageSize: number;
  pages: number;
  facets: Record<Facet, FacetValue[]>;
  query: {
    text: string;
    /** Words were given but none is searchable (only operators, punctuation or stop words). */
    ignored: boolean;
    /** Words nobody uses, with the known words they were also matched as ("ordr" -> ["order"]). */
    corrections: Record<string, string[]>;
  };
}

export interface Suggestion {
  products: { key: string; name: string; tier: Tier; domain: string; lifecycleStatus: LifecycleStatus }[];
  domains: { slug: string; name: string; products: number }[];
}
