import "server-only";
import { Prisma } from "../../db/generated/client";
import type { LifecycleStatus, SearchState, Sort } from "@/lib/domain/search/search-state";
import { TIERS } from "@/lib/domain/product-key";
import { SLO_STATUSES } from "@/lib/domain/slo/status";

// The marketplace search as ONE statement (docs/adr/0002-search.md). tessera_search_tsquery is
// IMMUTABLE, so the planner folds it into a tsquery constant and knows how many products the words
// match: for each part below it picks between walking an index in the result's order (many
// matches: stop after one page) and reading the GIN index (few matches). Where an expression
// decides the order (relevance bands), or counting would read every match, the choice is made at
// run time from the planner's estimate (tessera_search_estimate) with one-time filters:
// - rows: products whose name-level document has some of the words come first, all of them when
//   few, else a walk of the trust index; the others follow by trust, walked.
// - counts and facets: exact over at most exactMax matches (tried when the estimate is below three
//   times that; if there are more, those first matches are the sample and the estimate the total);
//   far above, or without words, estimated from a random sample of the catalog (TABLESAMPLE),
//   re-counted exactly if the sample says the filtered set is small after all.

/** The trust expression, written exactly as in the index DataProduct_trust_idx. */
export const TRUST_SQL = Prisma.sql`tessera_trust(p.tier, p."sloStatus", p."atRisk", p."activeSubscriberCount", p."lifecycleStatus")`;
const RANK_SQL = Prisma.sql`tessera_status_rank(p."lifecycleStatus")`;
/** Most trusted first, as the index serves it (lifecycle rank first: the same order, see the migration). */
export const TRUST_ORDER = Prisma.sql`${RANK_SQL}, ${TRUST_SQL} DESC, p.key`;

/** Words to search for: the parsed query (JSON) and whether its last word is still being typed. */
export interface TextSpec {
  spec: string;
  prefixLast: boolean;
  /** The query has word groups (not only phrases or exclusions): relevance bands apply. */
  hasGroups: boolean;
}

/** The tsquery of the words: all of them, all in the name (weight A), or any of them. */
export function tsquerySql(t: TextSpec, mode: "all" | "name" | "any"): Prisma.Sql {
  return Prisma.sql`tessera_search_tsquery(${t.spec}::jsonb, ${mode}, ${t.prefixLast})`;
}

/** tessera_status_rank in the migration. */
const STATUS_RANK: Record<LifecycleStatus, number> = { ACTIVE: 0, DRAFT: 1, DEPRECATED: 2, RETIRED: 3 };

/**
 * The first `lim` rows of `select` (SELECT … FROM "DataProduct" p WHERE …, exposing trust and key)
 * in trust order, by walking an index. Tier and SLO status are part of trust: with a filter on
 * them, one walk would scan past every better product before reaching, say, the bronze red ones.
 * So each allowed (tier, SLO status) pair gets its own walk of DataProduct_trust_part_idx, where
 * the order within the pair is the trust order, and the walks are merged.
 */
function trustWalk(select: Prisma.Sql, state: SearchState, lim: number): Prisma.Sql {
  if (!state.tier.length && !state.slo.length) return Prisma.sql`${select} ORDER BY ${TRUST_ORDER} LIMIT ${lim}`;
  const walks: Prisma.Sql[] = [];
  for (const tier of state.tier.length ? state.tier : TIERS)
    for (const slo of state.slo.length ? state.slo : SLO_STATUSES)
      walks.push(Prisma.sql`(${select} AND p.tier = ${tier}::"Tier" AND p."sloStatus" = ${slo}::"SloStatus" ORDER BY ${TRUST_ORDER} LIMIT ${lim})`);
  return Prisma.sql`SELECT * FROM (${Prisma.join(walks, " UNION ALL ")}) w ORDER BY w.rank, w.trust DESC, w.key LIMIT ${lim}`;
}

/** Timestamps are stored in UTC without a zone: render them as ISO 8601 instants. */
const ISO = Prisma.raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`);
const FACET_COLUMNS = Prisma.sql`p.tier, p."reliabilityClass", p."lifecycleStatus", p."sloStatus", p."domainId", p."teamId", p.tags`;
const FACET_NAMES = Prisma.raw(`tier, "reliabilityClass", "lifecycleStatus", "sloStatus", "domainId", "teamId", tags`);

/** WHERE conditions of the state's filters and words, on alias p. */
export function conditions(state: SearchState, text: TextSpec | null): Prisma.Sql {
  // The status also as its rank, the first column of the trust indexes, so walks start there.
  const ranks = state.status.length ? state.status.map((x) => STATUS_RANK[x]) : [0, 1, 2];
  const c: Prisma.Sql[] = [
    state.status.length ? Prisma.sql`p."lifecycleStatus" = ANY(${state.status}::"LifecycleStatus"[])` : Prisma.sql`p."lifecycleStatus" <> 'RETIRED'`,
    ranks.length === 1
      ? Prisma.sql`tessera_status_rank(p."lifecycleStatus") = ${ranks[0]}::int`
      : Prisma.sql`tessera_status_rank(p."lifecycleStatus") BETWEEN ${Math.min(...ranks)}::int AND ${Math.max(...ranks)}::int`,
  ];
  if (state.tier.length) c.push(Prisma.sql`p.tier = ANY(${state.tier}::"Tier"[])`);
  if (state.class.length) c.push(Prisma.sql`p."reliabilityClass" = ANY(${state.class}::"ReliabilityClass"[])`);
  if (state.slo.length) c.push(Prisma.sql`p."sloStatus" = ANY(${state.slo}::"SloStatus"[])`);
  if (state.domain.length) c.push(Prisma.sql`p."domainId" IN (SELECT d.id FROM "Domain" d WHERE d.slug = ANY(${state.domain}::text[]))`);
  if (state.owner.length) c.push(Prisma.sql`p."teamId" IN (SELECT t.id FROM "Team" t WHERE t.slug = ANY(${state.owner}::text[]))`);
  if (state.tag.length) c.push(Prisma.sql`p.tags && ${state.tag}::text[]`);
  if (text) c.push(Prisma.sql`p."searchVector" @@ ${tsquerySql(text, "all")}`);
  return Prisma.join(c, " AND ");
}

/** Relevance band of a matching row: 1 every word in the name, 2 in the name-level document, 3 some words there, 4 none. */
function bandSql(text: TextSpec): Prisma.Sql {
  return Prisma.sql`CASE WHEN p."searchTitle" @@ ${tsquerySql(text, "name")} THEN 1 WHEN p."searchTitle" @@ ${tsquerySql(text, "all")} THEN 2
    WHEN p."searchTitle" @@ ${tsquerySql(text, "any")} THEN 3 ELSE 4 END`;
}

/** ORDER BY of a sort, on a relation with columns band, trust, key, name, updated, subs. */
function orderOf(sort: Sort, banded: boolean): Prisma.Sql {
  switch (sort) {
    case "name":
      return Prisma.sql`name, key`;
    case "updated":
      return Prisma.sql`updated DESC, key`;
    case "subscribers":
      return Prisma.sql`subs DESC, key`;
    case "relevance":
      return banded ? Prisma.sql`band, trust DESC, key` : Prisma.sql`rank, trust DESC, key`;
  }
}

/** The same order on DataProduct p, as its indexes serve it. */
function indexOrderOf(sort: Sort): Prisma.Sql {
  switch (sort) {
    case "name":
      return Prisma.sql`p.name, p.key`;
    case "updated":
      return Prisma.sql`p."updatedAt" DESC, p.key`;
    case "subscribers":
      return Prisma.sql`p."activeSubscriberCount" DESC, p.key`;
    case "relevance":
      return TRUST_ORDER;
  }
}

/** Values listed for the open-ended facets (domain, owner, tag): the most frequent; a selected one is always listed. */
export const FACET_TOP = 12;

// Facet counts through tessera_search_facets (a function: its plan is prepared once per
// connection instead of being planned with every search).
const FACETS_OF = (rel: string) =>
  Prisma.raw(`
  SELECT fc.* FROM (SELECT array_agg(tier::text) t, array_agg("reliabilityClass"::text) c, array_agg("sloStatus"::text) s,
                           array_agg("lifecycleStatus"::text) l, array_agg("domainId") d, array_agg("teamId") o FROM ${rel}) a,
                   tessera_search_facets(a.t, a.c, a.s, a.l, a.d, a.o, ARRAY(SELECT unnest(tags) FROM ${rel}), ${FACET_TOP}) fc`);

export interface SearchSqlOptions {
  offset: number;
  limit: number;
  /** Count exactly up to this many matches. */
  exactMax: number;
  /** Rows of the catalog sampled above it (default: adaptive, SAMPLE). */
  sample?: number;
}

/** Sample sizes: without words the filters are cheap to test; with words each row costs a match. */
export const SAMPLE = { min: 600, max: 2000, browse: 1000 } as const;

/** The whole search: one row, one JSON document (see RawResult in search-products.ts). */
export function searchSql(state: SearchState, text: TextSpec | null, o: SearchSqlOptions): Prisma.Sql {
  const cond = conditions(state, text);
  const lim = o.offset + o.limit;
  const E = o.exactMax;
  const banded = !!text?.hasGroups && state.sort === "relevance";

  const est = text
    ? Prisma.sql`est AS MATERIALIZED (
        SELECT doc, CASE WHEN doc > ${E} THEN tessera_search_estimate(${tsquerySql(text, "any")}, true) ELSE 0 END AS title
          FROM (SELECT tessera_search_estimate(${tsquerySql(text, "all")}) AS doc) e)`
    : Prisma.sql`est AS MATERIALIZED (SELECT NULL::bigint AS doc, 0::bigint AS title)`;

  let rows: Prisma.Sql;
  if (banded) {
    const titled = Prisma.sql`SELECT p.id, p.key, ${RANK_SQL} AS rank, ${TRUST_SQL} AS trust, ${bandSql(text!)} AS band FROM "DataProduct" p
      WHERE ${cond} AND p."searchTitle" @@ ${tsquerySql(text!, "any")}`;
    rows = Prisma.sql`
    titled AS MATERIALIZED (
      (${titled} AND (SELECT title FROM est) <= ${E} LIMIT ${E})
      UNION ALL
      (${trustWalk(Prisma.sql`${titled} AND (SELECT title FROM est) > ${E}`, state, lim)})),
    body AS MATERIALIZED (${trustWalk(
      Prisma.sql`SELECT p.id, p.key, ${RANK_SQL} AS rank, ${TRUST_SQL} AS trust, 4 AS band FROM "DataProduct" p
       WHERE ${cond} AND NOT (p."searchTitle" @@ ${tsquerySql(text!, "any")}) AND (SELECT count(*) FROM titled) < ${lim}`,
      state,
      lim,
    )}),
    page AS (
      SELECT id, band, row_number() OVER (ORDER BY band, trust DESC, key) AS ord
        FROM (SELECT id, key, trust, band FROM titled UNION ALL SELECT id, key, trust, band FROM body) r
       ORDER BY band, trust DESC, key OFFSET ${o.offset} LIMIT ${o.limit})`;
  } else {
    rows = Prisma.sql`
    walked AS MATERIALIZED (${(() => {
      const select = Prisma.sql`SELECT p.id, p.key, p.name, p."updatedAt" AS updated, p."activeSubscriberCount" AS subs, ${RANK_SQL} AS rank, ${TRUST_SQL} AS trust
        FROM "DataProduct" p WHERE ${cond}`;
      if (state.sort === "relevance") return trustWalk(select, state, lim);
      // Subscribers follow tier (gold has most): with a tier filter, one walk per tier, merged.
      if (state.sort === "subscribers" && state.tier.length)
        return Prisma.sql`SELECT * FROM (${Prisma.join(
          state.tier.map((t) => Prisma.sql`(${select} AND p.tier = ${t}::"Tier" ORDER BY p."activeSubscriberCount" DESC, p.key LIMIT ${lim})`),
          " UNION ALL ",
        )}) w ORDER BY w.subs DESC, w.key LIMIT ${lim}`;
      return Prisma.sql`${select} ORDER BY ${indexOrderOf(state.sort)} LIMIT ${lim}`;
    })()}),
    page AS (
      SELECT id, NULL::int AS band, row_number() OVER (ORDER BY ${orderOf(state.sort, false)}) AS ord
        FROM walked ORDER BY ${orderOf(state.sort, false)} OFFSET ${o.offset} LIMIT ${o.limit})`;
  }

  // Count exactly first unless the words' estimate is far above the limit (estimates err both ways).
  const xRuns = text ? Prisma.sql`(SELECT doc FROM est) <= ${3 * E}` : Prisma.sql`false`;
  // Enough rows to see about 400 matches (the words' estimate), within [minSample, maxSample].
  const sampleSize =
    o.sample !== undefined
      ? Prisma.sql`${o.sample}::int`
      : text
        ? Prisma.sql`greatest(${SAMPLE.min}, least(${SAMPLE.max}, ceil(400 * greatest((SELECT reltuples FROM pg_class WHERE oid = '"DataProduct"'::regclass), 1) / greatest((SELECT doc FROM est), 1))))::int`
        : Prisma.sql`${SAMPLE.browse}::int`;
  return Prisma.sql`
  WITH ${est}, ${rows},
  x AS MATERIALIZED (SELECT ${FACET_COLUMNS} FROM "DataProduct" p WHERE ${cond} AND ${xRuns} LIMIT ${E + 1}),
  xn AS (SELECT ${xRuns} AS ran, count(*) AS n FROM x),
  ssize AS (SELECT ${sampleSize} AS n),
  s AS MATERIALIZED (
    SELECT ${FACET_COLUMNS}, (${cond}) AS hit FROM "DataProduct" p TABLESAMPLE SYSTEM_ROWS((SELECT n FROM ssize))
     WHERE NOT (SELECT ran FROM xn)),
  sn AS (SELECT count(*)::int AS sampled, (count(*) FILTER (WHERE hit))::int AS hits FROM s),
  pop AS (SELECT greatest((SELECT reltuples FROM pg_class WHERE oid = '"DataProduct"'::regclass), (SELECT sampled FROM sn), 0)::bigint AS n),
  sest AS (SELECT (SELECT hits FROM sn)::float8 / greatest((SELECT sampled FROM sn), 1) * (SELECT n FROM pop) AS n),
  x2 AS MATERIALIZED (
    SELECT ${FACET_COLUMNS} FROM "DataProduct" p
     WHERE ${cond} AND NOT (SELECT ran FROM xn) AND (SELECT n FROM sest) <= ${E} LIMIT ${E + 1}),
  -- How the counts were made: exact (x or x2 held every match), over (x stopped at exactMax+1: the
  -- planner's estimate is the total, x the sample), sampled (TABLESAMPLE).
  m AS (SELECT CASE WHEN xn.ran AND xn.n <= ${E} THEN 'x'
                    WHEN xn.ran THEN 'over'
                    WHEN (SELECT n FROM sest) <= ${E} AND (SELECT count(*) FROM x2) <= ${E} THEN 'x2'
                    ELSE 'sampled' END AS how FROM xn),
  f AS (SELECT ${FACET_NAMES} FROM x WHERE (SELECT how FROM m) IN ('x', 'over')
        UNION ALL SELECT ${FACET_NAMES} FROM x2 WHERE (SELECT how FROM m) = 'x2'
        UNION ALL SELECT ${FACET_NAMES} FROM s WHERE hit AND (SELECT how FROM m) = 'sampled'),
  totals AS (SELECT how, CASE how WHEN 'x' THEN (SELECT n FROM xn)::float8 WHEN 'x2' THEN (SELECT count(*) FROM x2)::float8
                                  WHEN 'over' THEN greatest((SELECT doc FROM est), (SELECT n FROM xn))::float8 ELSE (SELECT n FROM sest) END AS total
               FROM m),
  facets AS (${FACETS_OF("f")})
  SELECT json_build_object(
    'total', (SELECT round(total) FROM totals),
    'exact', (SELECT how IN ('x', 'x2') FROM totals),
    -- Facet counts are multiplied by this to estimate the whole set (1 when exact).
    'scale', (SELECT CASE how WHEN 'over' THEN total / greatest((SELECT n FROM xn), 1) WHEN 'sampled' THEN (SELECT n FROM pop)::float8 / greatest((SELECT sampled FROM sn), 1) ELSE 1 END FROM totals),
    'estimate', (SELECT doc FROM est),
    'ignored', ${text ? Prisma.sql`${tsquerySql(text, "all")} IS NULL` : Prisma.sql`false`},
    'corrections', ${text ? Prisma.sql`tessera_search_corrections(${text.spec}::jsonb)` : Prisma.sql`'{}'::jsonb`},
    'items', (SELECT coalesce(json_agg(json_build_object(
        'id', p.id, 'key', p.key, 'name', p.name, 'topic', p.topic, 'tier', p.tier, 'description', left(p.description, 300),
        'reliabilityClass', p."reliabilityClass", 'lifecycleStatus', p."lifecycleStatus", 'sloStatus', p."sloStatus", 'atRisk', p."atRisk",
        'tags', p.tags, 'activeSubscriberCount', p."activeSubscriberCount", 'updatedAt', to_char(p."updatedAt", ${ISO}),
        'domain', json_build_object('slug', d.slug, 'name', d.name), 'owner', json_build_object('slug', t.slug, 'name', t.name),
        'version', v.version, 'band', pg.band,
        'sunsetAt', to_char((SELECT min(n."sunsetAt") FROM "DeprecationNotice" n WHERE n."productId" = p.id AND n.status = 'ACTIVE'), ${ISO})
      ) ORDER BY pg.ord), '[]'::json)
      FROM page pg JOIN "DataProduct" p ON p.id = pg.id JOIN "Domain" d ON d.id = p."domainId" JOIN "Team" t ON t.id = p."teamId"
      LEFT JOIN "ContractVersion" v ON v.id = p."currentVersionId"),
    'facets', (SELECT coalesce(json_agg(json_build_object('facet', fc.facet, 'value', coalesce(d.slug, t.slug, fc.value),
        'label', coalesce(d.name, t.name, fc.value), 'n', fc.n)), '[]'::json)
      FROM facets fc LEFT JOIN "Domain" d ON fc.facet = 'domain' AND d.id = fc.value LEFT JOIN "Team" t ON fc.facet = 'owner' AND t.id = fc.value),
    'selected', json_build_object(
      'domain', (SELECT coalesce(json_agg(json_build_object('value', d.slug, 'label', d.name)), '[]'::json) FROM "Domain" d WHERE d.slug = ANY(${state.domain}::text[])),
      'owner', (SELECT coalesce(json_agg(json_build_object('value', t.slug, 'label', t.name)), '[]'::json) FROM "Team" t WHERE t.slug = ANY(${state.owner}::text[])))
  ) AS result`;
}
