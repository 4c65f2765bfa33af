import "server-only";
import { z } from "zod";
import { defineOperation } from "../openapi";

// Lenient on purpose: a search never fails on its input (unknown values match nothing, a long or
// odd query is cut and cleaned). Repeated parameters (?tier=GOLD&tier=SILVER) and comma lists work.
const many = (what: string) => z.string().optional().meta({ description: `${what}; repeat the parameter or separate values with commas` });

export const ZSearchQuery = z.object({
  q: z.string().optional().meta({ description: 'Words (all must match, typos tolerated), "a phrase", a OR b, -excluded' }),
  domain: many("Domain slugs"),
  tier: many("BRONZE, SILVER, GOLD"),
  class: many("OPERATIONAL, DECISION_SUPPORT, EXPLORATORY"),
  slo: many("SLO status: GREEN, AMBER, RED, UNKNOWN"),
  status: many("Lifecycle status: ACTIVE, DEPRECATED, DRAFT, RETIRED (retired products are hidden unless asked for)"),
  owner: many("Owner team slugs"),
  tag: many("Tags"),
  sort: z.string().optional().meta({ description: "relevance (default), name, updated, subscribers" }),
  page: z.string().optional().meta({ description: "1-based page of 24 results (at most 100)" }),
});

const ZCount = z.object({ value: z.number(), kind: z.enum(["exact", "estimate"]) }).meta({ description: "Exact, or estimated from a sample for large sets" });
const ZTier = z.enum(["BRONZE", "SILVER", "GOLD"]);

const ZProductHit = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  topic: z.string(),
  tier: ZTier,
  description: z.string(),
  reliabilityClass: z.enum(["OPERATIONAL", "DECISION_SUPPORT", "EXPLORATORY"]),
  lifecycleStatus: z.enum(["ACTIVE", "DEPRECATED", "DRAFT", "RETIRED"]),
  sloStatus: z.enum(["GREEN", "AMBER", "RED", "UNKNOWN"]),
  atRisk: z.boolean(),
  tags: z.array(z.string()),
  activeSubscriberCount: z.number().int(),
  updatedAt: z.string(),
  domain: z.object({ slug: z.string(), name: z.string() }),
  owner: z.object({ slug: z.string(), name: z.string() }),
  version: z.string().nullable(),
  sunsetAt: z.string().nullable(),
  band: z.number().int().nullable().meta({ description: "Relevance band: 1 name, 2 domain/owner/tags, 3 some words there, 4 description or fields" }),
});

const ZFacetValue = z.object({ value: z.string(), label: z.string(), count: ZCount.nullable(), selected: z.boolean() });

export const ZSearchResultDto = z.object({
  items: z.array(ZProductHit),
  total: ZCount,
  page: z.number().int(),
  pageSize: z.number().int(),
  pages: z.number().int(),
  facets: z.object({
    domain: z.array(ZFacetValue),
    tier: z.array(ZFacetValue),
    class: z.array(ZFacetValue),
    slo: z.array(ZFacetValue),
    status: z.array(ZFacetValue),
    owner: z.array(ZFacetValue),
    tag: z.array(ZFacetValue),
  }),
  query: z.object({ text: z.string(), ignored: z.boolean(), corrections: z.record(z.string(), z.array(z.string())) }),
});

export const searchProductsOp = defineOperation({
  method: "GET",
  path: "/api/v1/products",
  operationId: "searchProducts",
  tag: "Search",
  summary: "Search the marketplace: ranked products with facet counts",
  description:
    "Text relevance first (name, then domain/owner/tags, then description and contract fields), then trust: GOLD, healthy SLOs and more subscribers first; deprecated products demoted, retired ones hidden unless `status` asks for them. Counts are exact for small result sets and estimated from a sample for large ones (`kind`).",
  auth: { permission: "authenticated", scopes: ["read", "contracts:write", "measurements:write", "subscriptions:write", "lineage:write"] },
  query: ZSearchQuery,
  response: ZSearchResultDto,
});

export const suggestOp = defineOperation({
  method: "GET",
  path: "/api/v1/search/suggest",
  operationId: "suggest",
  tag: "Search",
  summary: "Typeahead: the best matching products and domains for what is being typed",
  auth: { permission: "authenticated", scopes: ["read", "contracts:write", "measurements:write", "subscriptions:write", "lineage:write"] },
  query: z.object({ q: z.string().optional().meta({ description: "What has been typed so far (the last word is a prefix)" }) }),
  response: z.object({
    products: z.array(z.object({ key: z.string(), name: z.string(), tier: ZTier, domain: z.string(), lifecycleStatus: z.string() })),
    domains: z.array(z.object({ slug: z.string(), name: z.string(), products: z.number().int() })),
  }),
});
