import "server-only";
import { getDb } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import type { Ctx } from "../../auth/context";
import { UnauthenticatedError } from "../../errors";
import { isEmptyQuery, parseQuery } from "@/lib/domain/search/parse-query";
import { TRUST_ORDER, TRUST_SQL, tsquerySql, type TextSpec } from "./search-sql";
import { exactLimit } from "./search-products";
import { catalogSize } from "./catalog-size";
import type { Suggestion } from "./types";

const PRODUCTS = 6;
const DOMAINS = 4;
/** Many matches: the first this many in trust order are ranked (name matches first). */
const WALK = 48;

/**
 * Typeahead: the best products whose name, key, topic, domain, owner or tags match what is being
 * typed (the last word as a prefix, typos tolerated), and matching domains. Retired products are
 * left out. One SQL statement with words, none without.
 */
export async function suggest({ ctx, q }: { ctx: Ctx; q: unknown }): Promise<Suggestion> {
  if (ctx.actor.kind === "anonymous") throw new UnauthenticatedError();
  const sql = buildSuggest(q, await catalogSize());
  if (!sql) return { products: [], domains: [] };
  const rows = await getDb().$queryRaw<{ result: Suggestion }[]>(sql);
  return rows[0]!.result;
}

/** The statement of a suggestion, null when nothing was typed. Shared with the benchmark. */
export function buildSuggest(q: unknown, catalogRows: number): Prisma.Sql | null {
  const parsed = parseQuery(q);
  if (isEmptyQuery(parsed) || parsed.groups.length === 0) return null;
  const text: TextSpec = { spec: JSON.stringify({ groups: parsed.groups }), prefixLast: true, hasGroups: true };
  const E = exactLimit(catalogRows);
  const all = tsquerySql(text, "all");
  const matching = Prisma.sql`SELECT p.key, p.name, p.tier, p."lifecycleStatus", p."domainId",
      CASE WHEN p."searchTitle" @@ ${tsquerySql(text, "name")} THEN 1 ELSE 2 END AS band, ${TRUST_SQL} AS trust
    FROM "DataProduct" p WHERE p."searchTitle" @@ ${all} AND p."lifecycleStatus" <> 'RETIRED'`;
  const words = parsed.groups.map((g) => g[0]!);
  const phrase = parsed.groups.flat().join(" ");
  // Few matches: all of them through the GIN index; many: walk the trust index and stop early.
  return Prisma.sql`
    WITH est AS MATERIALIZED (SELECT tessera_search_estimate(${all}, true) AS n),
    c AS MATERIALIZED (
      (${matching} AND (SELECT n FROM est) <= ${E} LIMIT ${E})
      UNION ALL
      (${matching} AND (SELECT n FROM est) > ${E} ORDER BY ${TRUST_ORDER} LIMIT ${WALK}))
    SELECT json_build_object(
      'products', (SELECT coalesce(json_agg(json_build_object('key', x.key, 'name', x.name, 'tier', x.tier, 'domain', d.name,
                     'lifecycleStatus', x."lifecycleStatus") ORDER BY x.band, x.trust DESC, x.key), '[]'::json)
                     FROM (SELECT * FROM c ORDER BY band, trust DESC, key LIMIT ${PRODUCTS}) x JOIN "Domain" d ON d.id = x."domainId"),
      'domains', (SELECT coalesce(json_agg(json_build_object('slug', d.slug, 'name', d.name,
                     'products', (SELECT count(*) FROM "DataProduct" p WHERE p."domainId" = d.id))
                     ORDER BY d.score DESC, d.name), '[]'::json)
                    FROM (SELECT d.id, d.slug, d.name, word_similarity(${phrase}, d.name || ' ' || translate(d.slug, '_', ' ')) AS score
                            FROM "Domain" d
                           WHERE (SELECT bool_and(lower(d.name || ' ' || translate(d.slug, '_', ' ')) LIKE '%' || w || '%') FROM unnest(${words}::text[]) w)
                              OR word_similarity(${phrase}, d.name || ' ' || translate(d.slug, '_', ' ')) >= 0.5
                           ORDER BY 4 DESC, d.name LIMIT ${DOMAINS}) d)
    ) AS result`;
}
