// Fills a database with a synthetic catalog, set-based (INSERT ... SELECT over generate_series):
// domains and teams, topic families across tiers, contract versions with ~20 fields, output ports,
// SLOs, dependencies, subscriptions, deprecation notices. Deterministic: the same size gives the
// same catalog. The search triggers index everything in the same statements, as in production.
import type pg from "pg";
import { AREAS, DESCRIPTION_OPENERS, DESCRIPTION_USES, ENTITIES, FIELDS, QUALIFIERS, SUFFIXES, SUFFIX_PHRASES, TAGS, TEAM_WORDS } from "./vocabulary";

export const BENCH_USER = { email: "bench@tessera.demo", name: "Bench Consumer", password: "tessera-bench" };

/** Products of one family, by position in a repeating pattern: [family in cycle, tier]. */
const PATTERN: [number, "BRONZE" | "SILVER" | "GOLD"][] = [
  [0, "BRONZE"], [0, "SILVER"], [0, "GOLD"], [1, "BRONZE"], [1, "SILVER"], [2, "BRONZE"], [3, "BRONZE"],
  [3, "SILVER"], [3, "GOLD"], [4, "SILVER"], [4, "GOLD"], [5, "BRONZE"], [5, "SILVER"],
];
const FAMILIES_PER_CYCLE = 6;

export type GenerateOptions = { products: number; passwordHash: string; say: (line: string) => void };

export async function generateCatalog(c: pg.Client, o: GenerateOptions): Promise<Record<string, number>> {
  const n = o.products;
  const domains = Math.min(AREAS.length * QUALIFIERS.length, Math.max(8, Math.round(n / 400)));
  const teams = Math.max(4, Math.ceil(domains / 2));
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    const r = await c.query(sql, params);
    o.say(`  ${label.padEnd(28)} ${String(r.rowCount ?? "").padStart(9)} rows  ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return r;
  };
  // h(x, salt): a deterministic pseudo-random integer in [0, 2^31).
  await c.query(`CREATE FUNCTION pg_temp.h(x text, salt text) RETURNS bigint LANGUAGE sql IMMUTABLE AS
    $$ SELECT hashtextextended(x, hashtext(salt)) & 2147483647 $$`);
  await c.query(`CREATE FUNCTION pg_temp.u(x text, salt text) RETURNS float8 LANGUAGE sql IMMUTABLE AS
    $$ SELECT (hashtextextended(x, hashtext(salt)) & 2147483647)::float8 / 2147483648 $$`);

  await step("teams", `
    INSERT INTO "Team" (id, slug, name, description, "onCallHandle", "contactChannel", "updatedAt")
    SELECT 't' || j, lower(w) || '_' || j, w || ' ' || initcap(($2::text[])[1 + (2 * j) % cardinality($2::text[])]) || ' team',
           'Owns the ' || ($2::text[])[1 + (2 * j) % cardinality($2::text[])] || ' data products.', '@' || lower(w) || '-oncall', '#data-' || lower(w), now()
      FROM generate_series(0, $1 - 1) j, LATERAL (SELECT ($3::text[])[1 + j % cardinality($3::text[])] AS w) x`,
    [teams, AREAS, TEAM_WORDS]);
  await step("domains", `
    INSERT INTO "Domain" (id, slug, name, description, "teamId", "updatedAt")
    SELECT 'd' || k, CASE WHEN q = 0 THEN a ELSE a || '_' || ($3::text[])[1 + q] END,
           initcap(a) || CASE WHEN q = 0 THEN '' ELSE ' ' || upper(($3::text[])[1 + q]) END,
           'Business events and facts of ' || a || CASE WHEN q = 0 THEN '' ELSE ' (' || ($3::text[])[1 + q] || ')' END || '.',
           't' || (k / 2), now()
      FROM generate_series(0, $1 - 1) k,
           LATERAL (SELECT ($2::text[])[1 + k % cardinality($2::text[])] AS a, (k / cardinality($2::text[])) % cardinality($3::text[]) AS q) x`,
    [domains, AREAS, QUALIFIERS]);

  const suffixPhrases = SUFFIXES.map((s) => SUFFIX_PHRASES[s] ?? s);
  // Documents are built below, once each product has its contract; skip the insert-time build.
  await c.query(`ALTER TABLE "DataProduct" DISABLE TRIGGER "DataProduct_search_insert"`);
  await step("products", `
    INSERT INTO "DataProduct" (id, key, "domainId", "teamId", topic, tier, name, description, "reliabilityClass", "lifecycleStatus",
                               tags, "requiresApproval", "sloStatus", "atRisk", "statusComputedAt", "createdAt", "updatedAt")
    SELECT 'p' || i, d.slug || '.' || topic || '.' || lower(tier), d.id, d."teamId", topic, tier::"Tier",
           initcap(replace(topic, '_', ' ')) || CASE tier WHEN 'BRONZE' THEN ' (raw)' WHEN 'SILVER' THEN ' (cleaned)' ELSE '' END,
           ($9::text[])[1 + pg_temp.h(i::text, 'open') % cardinality($9::text[])] || ' ' || replace(entity, '_', ' ') || ' data: '
             || ($7::text[])[1 + s] || ' for the ' || d.name || ' domain. '
             || ($10::text[])[1 + pg_temp.h(i::text, 'use1') % cardinality($10::text[])] || ' '
             || ($10::text[])[1 + pg_temp.h(i::text, 'use2') % cardinality($10::text[])],
           (CASE WHEN r < 0.6 THEN 'DECISION_SUPPORT' WHEN tier = 'GOLD' THEN 'OPERATIONAL' ELSE 'EXPLORATORY' END)::"ReliabilityClass",
           (CASE WHEN l < 0.05 THEN 'DRAFT' WHEN l < 0.11 THEN 'DEPRECATED' WHEN l < 0.15 THEN 'RETIRED' ELSE 'ACTIVE' END)::"LifecycleStatus",
           ARRAY(SELECT DISTINCT x FROM unnest(
                   ARRAY(SELECT ($8::text[])[1 + pg_temp.h(i::text || 'tag' || t, 'tag') % cardinality($8::text[])]
                           FROM generate_series(1, 2 + (pg_temp.h(i::text, 'ntags') % 3)::int) t)
                   || CASE tier WHEN 'BRONZE' THEN ARRAY['raw'] WHEN 'GOLD' THEN ARRAY['curated'] ELSE ARRAY[]::text[] END) x ORDER BY 1),
           tier = 'GOLD' AND r < 0.3,
           (CASE WHEN st < 0.68 THEN 'GREEN' WHEN st < 0.80 THEN 'AMBER' WHEN st < 0.86 THEN 'RED' ELSE 'UNKNOWN' END)::"SloStatus",
           st > 0.97, now(),
           now() - make_interval(days => 30 + (pg_temp.h(i::text, 'age') % 400)::int),
           now() - make_interval(mins => (pg_temp.h(i::text, 'upd') % (60 * 24 * 400))::int)
      FROM generate_series(0, $1 - 1) i
      CROSS JOIN LATERAL (SELECT i % $2 AS k, i / $2 AS j) ij
      CROSS JOIN LATERAL (SELECT ($4::int[])[1 + ij.j % $3] AS fam, ($5::text[])[1 + ij.j % $3] AS tier) pt
      CROSS JOIN LATERAL (SELECT ((ij.j / $3) * ${FAMILIES_PER_CYCLE} + pt.fam) * 7 + ij.k * 13 AS combo) cb
      CROSS JOIN LATERAL (SELECT ($6::text[])[1 + cb.combo % cardinality($6::text[])] AS entity,
                                 (cb.combo / cardinality($6::text[])) % cardinality($7::text[]) AS s) es
      CROSS JOIN LATERAL (SELECT es.entity || '_' || ($11::text[])[1 + es.s] AS topic,
                                 pg_temp.u(i::text, 'class') AS r, pg_temp.u(i::text, 'life') AS l, pg_temp.u(i::text, 'slo') AS st) tp
      JOIN "Domain" d ON d.id = 'd' || ij.k`,
    [n, domains, PATTERN.length, PATTERN.map((p) => p[0]), PATTERN.map((p) => p[1]), ENTITIES, suffixPhrases, TAGS, DESCRIPTION_OPENERS, DESCRIPTION_USES, SUFFIXES]);

  await c.query(`ALTER TABLE "DataProduct" ENABLE TRIGGER "DataProduct_search_insert"`);

  // Current version of every published product, and an older one for a fifth of them. Published
  // versions are immutable (a trigger refuses updates), so rows are planned in temporary tables and
  // each version is inserted once, with its document.
  await step("planned versions", `
    CREATE TEMP TABLE gv AS
    SELECT v.id, p.id AS "productId", v.major || '.' || v.minor || '.' || v.patch AS version, v.major, v.minor, v.patch,
           v.status::"VersionStatus" AS status, t.slug AS owner, p.tier, p.topic, p.name AS pname, p.key AS pkey, p.description AS pdesc,
           jsonb_build_object('freshness', jsonb_build_object('maxAgeMinutes', (ARRAY[15, 60, 240, 1440])[1 + pg_temp.h(p.id, 'fr') % 4]),
                              'completeness', jsonb_build_object('minPercent', 99), 'accuracy', jsonb_build_object('minPercent', 98)) AS sla,
           jsonb_build_object('summary', p.description, 'fields', '{}'::jsonb, 'rules', jsonb_build_array('Deduplicate on the primary key.')) AS semantics,
           v.change::"ChangeClass" AS "changeClass", v.changelog, v.published AS "publishedAt"
      FROM "DataProduct" p JOIN "Team" t ON t.id = p."teamId"
      CROSS JOIN LATERAL (SELECT 1 + (pg_temp.h(p.id, 'maj') % 3)::int AS major, (pg_temp.h(p.id, 'min') % 5)::int AS minor,
                                 (pg_temp.h(p.id, 'pat') % 4)::int AS patch) cur
      CROSS JOIN LATERAL (
        SELECT 'v' || substr(p.id, 2) AS id, cur.major, cur.minor, cur.patch,
               CASE WHEN p."lifecycleStatus" = 'DEPRECATED' THEN 'DEPRECATED' WHEN p."lifecycleStatus" = 'RETIRED' THEN 'RETIRED' ELSE 'PUBLISHED' END AS status,
               CASE WHEN cur.minor = 0 AND cur.patch = 0 AND cur.major > 1 THEN 'MAJOR' WHEN cur.patch = 0 AND cur.minor > 0 THEN 'MINOR' WHEN cur.patch > 0 THEN 'PATCH' END AS change,
               'Current contract.' AS changelog, p."updatedAt" AS published
        UNION ALL
        SELECT 'w' || substr(p.id, 2), CASE WHEN cur.major > 1 THEN cur.major - 1 ELSE 1 END, 0, 0, 'DEPRECATED', NULL,
               'First published version.', p."createdAt"
         WHERE pg_temp.h(p.id, 'old') % 5 = 0 AND (cur.major > 1 OR cur.minor > 0)
      ) v
     WHERE p."lifecycleStatus" <> 'DRAFT'`);

  const piiFields = ["email", "phone_number", "first_name", "last_name", "birth_date", "ip_address"];
  await step("planned fields", `
    CREATE TEMP TABLE gf AS
    SELECT v.id || '_' || f.pos AS id, v.id AS "versionId", f.pos AS position, f.name AS path, f.name, f.type,
           f.pos < 3 OR pg_temp.h(v.id || f.pos, 'req') % 3 = 0 AS required, f.description,
           CASE WHEN f.name = ANY ($4) THEN ARRAY['PII'] ELSE ARRAY[]::text[] END AS tags, f.name = ANY ($4) AS pii,
           CASE WHEN f.name = ANY ($4) AND v.tier = 'GOLD' THEN 'hash' END AS mask
      FROM gv v
      CROSS JOIN LATERAL (SELECT split_part(v.topic, '_', 1) AS entity, pg_temp.h(v."productId", 'fields') AS fh) e
      CROSS JOIN LATERAL (
        SELECT 0 AS pos, e.entity || '_id' AS name, 'string' AS type, 'Unique id of the ' || e.entity || '.' AS description
        UNION ALL
        SELECT 1, rel || '_id', 'string', 'Id of the related ' || rel || '.'
          FROM (SELECT (ARRAY['customer', 'order', 'account', 'product', 'store', 'session'])[1 + e.fh % 6] AS rel) r WHERE rel <> e.entity
        UNION ALL
        SELECT 1 + g, ($1::text[])[1 + (e.fh + g * 7) % cardinality($1::text[])], ($2::text[])[1 + (e.fh + g * 7) % cardinality($1::text[])],
               ($3::text[])[1 + (e.fh + g * 7) % cardinality($1::text[])]
          FROM generate_series(1, 13 + (e.fh % 11)::int) g
      ) f`,
    [FIELDS.map((f) => f[0]), FIELDS.map((f) => f[1]), FIELDS.map((f) => f[2]), piiFields]);

  await step("contract versions", `
    INSERT INTO "ContractVersion" (id, "productId", version, major, minor, patch, status, owner, sla, semantics, document, "sourceYaml",
                                   "changeClass", changelog, "publishedAt")
    SELECT v.id, v."productId", v.version, v.major, v.minor, v.patch, v.status, v.owner, v.sla, v.semantics,
           jsonb_build_object('name', v.pname, 'version', v.version, 'owner', v.owner, 'product', v.pkey, 'description', v.pdesc,
                              'schema', jsonb_build_object('fields', coalesce(f.fields, '[]'::jsonb)), 'sla', v.sla, 'semantics', v.semantics),
           'name: ' || v.pname || E'\\nversion: ' || v.version || E'\\nowner: ' || v.owner || E'\\nproduct: ' || v.pkey || E'\\n',
           v."changeClass", v.changelog, v."publishedAt"
      FROM gv v
      LEFT JOIN (SELECT "versionId", jsonb_agg(jsonb_build_object('name', name, 'type', type, 'required', required, 'description', description)
                                               ORDER BY position) AS fields
                   FROM gf GROUP BY "versionId") f ON f."versionId" = v.id`);
  await step("contract fields", `
    INSERT INTO "ContractField" (id, "versionId", position, path, name, type, required, description, tags, pii, mask)
    SELECT id, "versionId", position, path, name, type, required, description, tags, pii, mask FROM gf`);
  await c.query("DROP TABLE gv, gf");

  // Setting the current version fires the search trigger on every product (drafts get NULL): each
  // document is built once, with its fields, exactly as a publish would.
  // Bulk-load practice: the secondary indexes are rebuilt once afterwards instead of taking one
  // insertion per updated row each (the triggers are unaffected).
  const indexes = await c.query<{ indexname: string; indexdef: string }>(`
    SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.tablename = 'DataProduct' AND i.schemaname = current_schema()
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)
       AND i.indexdef NOT LIKE 'CREATE UNIQUE%'`);
  for (const i of indexes.rows) await c.query(`DROP INDEX "${i.indexname}"`);
  await step("current versions (indexed)", `
    UPDATE "DataProduct" p SET "currentVersionId" = (SELECT v.id FROM "ContractVersion" v WHERE v.id = 'v' || substr(p.id, 2))`);
  const t0 = performance.now();
  for (const i of indexes.rows) await c.query(i.indexdef);
  o.say(`  ${"indexes rebuilt".padEnd(28)} ${String(indexes.rows.length).padStart(9)}       ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  await step("output ports", `
    INSERT INTO "OutputPort" (id, "productId", name, kind, platform, namespace, location)
    SELECT 'o' || substr(p.id, 2), p.id, 'warehouse', 'TABLE', 'snowflake', 'snowflake://acme-analytics',
           'analytics.' || replace(p.key, '.', '_')
      FROM "DataProduct" p`);
  await step("slos", `
    INSERT INTO "Slo" (id, "productId", "contractVersionId", objective, threshold, status, "currentValue", attainment, "budgetRemaining",
                       "lastMeasuredAt", "statusComputedAt", "updatedAt")
    SELECT 'l' || o.n || substr(p.id, 2), p.id, p."currentVersionId", o.objective::"Objective", o.threshold, p."sloStatus",
           o.threshold, 99.5, 0.6, now() - interval '20 minutes', now(), now()
      FROM "DataProduct" p
      CROSS JOIN (VALUES (1, 'FRESHNESS', 240.0), (2, 'COMPLETENESS', 99.0)) o(n, objective, threshold)
     WHERE p."currentVersionId" IS NOT NULL`);
  await step("dependencies", `
    INSERT INTO "Dependency" (id, "downstreamId", "upstreamProductId", kind)
    SELECT 'e' || substr(down.id, 2), down.id, up.id, 'HARD'
      FROM "DataProduct" down
      JOIN "DataProduct" up ON up."domainId" = down."domainId" AND up.topic = down.topic
       AND up.tier = CASE down.tier WHEN 'GOLD' THEN 'SILVER'::"Tier" WHEN 'SILVER' THEN 'BRONZE'::"Tier" END`);

  // Popular products are gold: up to 25 consumer teams on a gold product, 8 on silver, 3 on bronze.
  await step("subscriptions", `
    INSERT INTO "Subscription" (id, "productId", "consumerTeamId", "pinRange", purpose, status, "resolvedVersionId", "createdAt", "updatedAt")
    SELECT 's' || substr(p.id, 2) || '_' || g, p.id, 't' || ((pg_temp.h(p.id, 'team') + g * 17) % $1), '^' || v.major || '.0',
           'Reporting and models of the consuming team', st::"SubscriptionStatus", CASE WHEN st = 'ACTIVE' THEN v.id END,
           now() - make_interval(days => (pg_temp.h(p.id || g, 'sage') % 300)::int), now()
      FROM "DataProduct" p JOIN "ContractVersion" v ON v.id = p."currentVersionId"
      CROSS JOIN LATERAL generate_series(1, floor(power(pg_temp.u(p.id, 'pop'), 3)
                   * CASE p.tier WHEN 'GOLD' THEN 26 WHEN 'SILVER' THEN 9 ELSE 4 END)::int) g
      CROSS JOIN LATERAL (SELECT CASE WHEN x < 0.85 THEN 'ACTIVE' WHEN x < 0.90 THEN 'PENDING' WHEN x < 0.94 THEN 'BROKEN' ELSE 'WITHDRAWN' END AS st
                            FROM (SELECT pg_temp.u(p.id || g, 'sst') AS x) y) s
     WHERE p."lifecycleStatus" IN ('ACTIVE', 'DEPRECATED')`,
    [teams]);
  await step("subscriber counts", `
    UPDATE "DataProduct" p SET "activeSubscriberCount" = s.n
      FROM (SELECT "productId", count(*)::int AS n FROM "Subscription" WHERE status = 'ACTIVE' GROUP BY 1) s
     WHERE s."productId" = p.id`);
  await step("deprecation notices", `
    INSERT INTO "DeprecationNotice" (id, "productId", reason, "announcedAt", "sunsetAt", "migrationNotes", status, "updatedAt")
    SELECT 'n' || substr(p.id, 2), p.id, 'Replaced by a conformed successor.',
           now() - make_interval(days => 100), CASE WHEN p."lifecycleStatus" = 'RETIRED' THEN now() - make_interval(days => 5)
           ELSE now() + make_interval(days => 5 + (pg_temp.h(p.id, 'sun') % 200)::int) END,
           'Move your pin to the successor and re-run your backfill.',
           (CASE WHEN p."lifecycleStatus" = 'RETIRED' THEN 'COMPLETED' ELSE 'ACTIVE' END)::"NoticeStatus", now()
      FROM "DataProduct" p WHERE p."lifecycleStatus" IN ('DEPRECATED', 'RETIRED')`);

  await step("bench user", `
    WITH u AS (INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('u0', $1, $2, $3, now()) RETURNING id)
    INSERT INTO "Membership" ("teamId", "userId", role) SELECT 't0', id, 'MEMBER' FROM u`,
    [BENCH_USER.email, BENCH_USER.name, o.passwordHash]);

  const counts = await c.query<{ t: string; n: string }>(`
    SELECT 'products' t, count(*) n FROM "DataProduct" UNION ALL SELECT 'domains', count(*) FROM "Domain"
    UNION ALL SELECT 'teams', count(*) FROM "Team" UNION ALL SELECT 'contractVersions', count(*) FROM "ContractVersion"
    UNION ALL SELECT 'contractFields', count(*) FROM "ContractField" UNION ALL SELECT 'subscriptions', count(*) FROM "Subscription"
    UNION ALL SELECT 'searchTerms', count(*) FROM "SearchTerm"`);
  return Object.fromEntries(counts.rows.map((r) => [r.t, Number(r.n)]));
}
