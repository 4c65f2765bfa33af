-- Search (docs/adr/0002-search.md). Extensions first: the trigram index below needs pg_trgm.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS tsm_system_rows;

-- AlterTable
ALTER TABLE "DataProduct" ADD COLUMN     "searchTitle" tsvector,
ADD COLUMN     "searchVector" tsvector;

-- CreateTable
CREATE TABLE "SearchTerm" (
    "id" BIGSERIAL NOT NULL,
    "term" TEXT NOT NULL,

    CONSTRAINT "SearchTerm_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchTerm_term_idx" ON "SearchTerm"("term");

-- CreateIndex
CREATE INDEX "SearchTerm_term_trgm_idx" ON "SearchTerm" USING GIN ("term" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "DataProduct_name_key_idx" ON "DataProduct"("name", "key");

-- CreateIndex
CREATE INDEX "DataProduct_updatedAt_key_idx" ON "DataProduct"("updatedAt" DESC, "key");

-- CreateIndex
CREATE INDEX "DataProduct_activeSubscriberCount_key_idx" ON "DataProduct"("activeSubscriberCount" DESC, "key");

-- CreateIndex
CREATE INDEX "DataProduct_tags_idx" ON "DataProduct" USING GIN ("tags");


-- ---------------------------------------------------------------- search: hand-written SQL
-- What schema.prisma cannot express (docs/adr/0002-search.md): the text search configuration, the
-- triggers that keep every product's search document current in the transaction of the change,
-- the query builder with typo correction, the trust score, and the indexes on them.

-- English stemming after accent folding: "Café" and "cafe", "orders" and "order" are the same word.
CREATE TEXT SEARCH CONFIGURATION tessera_search (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION tessera_search ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

-- Name-level part of a product's document: A name, key, topic; B domain, owner team, tags.
CREATE FUNCTION tessera_search_title(p_name text, p_key text, p_topic text, p_tags text[], p_domain_id text, p_team_id text)
RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('tessera_search', concat_ws(' ', p_name, translate(p_key, '._-', '   '), translate(p_topic, '_-', '  '))), 'A')
      || setweight(to_tsvector('tessera_search', concat_ws(' ',
           (SELECT concat_ws(' ', d.name, translate(d.slug, '_-', '  ')) FROM "Domain" d WHERE d.id = p_domain_id),
           (SELECT concat_ws(' ', t.name, translate(t.slug, '_-', '  ')) FROM "Team" t WHERE t.id = p_team_id),
           translate(array_to_string(p_tags, ' '), '_-', '  '))), 'B')
$$;

-- The rest: C description, field names and field tags of the current contract; D field descriptions.
CREATE FUNCTION tessera_search_body(p_description text, p_version_id text)
RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('tessera_search', concat_ws(' ', p_description, f.names)), 'C')
      || setweight(to_tsvector('tessera_search', coalesce(f.descriptions, '')), 'D')
    FROM (SELECT string_agg(translate(cf.path || ' ' || array_to_string(cf.tags, ' '), '._-', '   '), ' ' ORDER BY cf.position) AS names,
                 string_agg(cf.description, ' ' ORDER BY cf.position) AS descriptions
            FROM "ContractField" cf WHERE cf."versionId" = p_version_id) f
$$;

-- New words (weights A-C) join the vocabulary used for typo correction. No unique constraint, so
-- concurrent writers never wait on each other; a duplicate only repeats a candidate.
CREATE FUNCTION tessera_collect_terms(p_new tsvector, p_old tsvector) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SearchTerm" (term)
  SELECT n.term
    FROM (SELECT l.lexeme AS term FROM unnest(p_new) l
           WHERE l.weights && ARRAY['A', 'B', 'C'] AND length(l.lexeme) BETWEEN 3 AND 32 AND l.lexeme ~ '^[[:alpha:]][[:alnum:]]*$'
          EXCEPT
          SELECT unnest(tsvector_to_array(p_old))) n
   WHERE NOT EXISTS (SELECT 1 FROM "SearchTerm" s WHERE s.term = n.term)
$$;

CREATE FUNCTION tessera_product_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchTitle" := tessera_search_title(NEW.name, NEW.key, NEW.topic, NEW.tags, NEW."domainId", NEW."teamId");
  NEW."searchVector" := NEW."searchTitle" || tessera_search_body(NEW.description, NEW."currentVersionId");
  PERFORM tessera_collect_terms(NEW."searchVector", CASE WHEN TG_OP = 'UPDATE' THEN OLD."searchVector" END);
  RETURN NEW;
END $$;

CREATE TRIGGER "DataProduct_search_insert" BEFORE INSERT ON "DataProduct"
  FOR EACH ROW EXECUTE FUNCTION tessera_product_search();
CREATE TRIGGER "DataProduct_search_update"
  BEFORE UPDATE OF name, key, topic, description, tags, "domainId", "teamId", "currentVersionId" ON "DataProduct"
  FOR EACH ROW EXECUTE FUNCTION tessera_product_search();

-- Renames and new fields reach the documents through the product trigger above: setting a column
-- to itself fires it.
CREATE FUNCTION tessera_domain_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "DataProduct" SET "domainId" = "domainId" WHERE "domainId" = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER "Domain_search" AFTER UPDATE OF name, slug ON "Domain"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.slug IS DISTINCT FROM NEW.slug)
  EXECUTE FUNCTION tessera_domain_search();

CREATE FUNCTION tessera_team_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "DataProduct" SET "teamId" = "teamId" WHERE "teamId" = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER "Team_search" AFTER UPDATE OF name, slug ON "Team"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.slug IS DISTINCT FROM NEW.slug)
  EXECUTE FUNCTION tessera_team_search();

-- Fields may be written after the version became current (one statement, one refresh).
CREATE FUNCTION tessera_field_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "DataProduct" SET "currentVersionId" = "currentVersionId"
     WHERE "currentVersionId" IN (SELECT DISTINCT "versionId" FROM old_fields);
  ELSE
    UPDATE "DataProduct" SET "currentVersionId" = "currentVersionId"
     WHERE "currentVersionId" IN (SELECT DISTINCT "versionId" FROM new_fields);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "ContractField_search_insert" AFTER INSERT ON "ContractField"
  REFERENCING NEW TABLE AS new_fields FOR EACH STATEMENT EXECUTE FUNCTION tessera_field_search();
CREATE TRIGGER "ContractField_search_update" AFTER UPDATE ON "ContractField"
  REFERENCING NEW TABLE AS new_fields FOR EACH STATEMENT EXECUTE FUNCTION tessera_field_search();
CREATE TRIGGER "ContractField_search_delete" AFTER DELETE ON "ContractField"
  REFERENCING OLD TABLE AS old_fields FOR EACH STATEMENT EXECUTE FUNCTION tessera_field_search();

CREATE INDEX "DataProduct_searchVector_idx" ON "DataProduct" USING GIN ("searchVector");
CREATE INDEX "DataProduct_searchTitle_idx" ON "DataProduct" USING GIN ("searchTitle");

-- Trust of a product, the ranking boost after text relevance. Mirrored by TRUST in
-- lib/domain/search/ranking.ts (an integration test compares them). The index below is built on
-- it: changing the weights needs a new migration that replaces the function and reindexes.
CREATE FUNCTION tessera_trust(p_tier "Tier", p_slo "SloStatus", p_at_risk boolean, p_subscribers integer, p_status "LifecycleStatus")
RETURNS real LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ((CASE p_tier WHEN 'GOLD' THEN 1.6 WHEN 'SILVER' THEN 1.2 ELSE 1.0 END)
        * (CASE p_slo WHEN 'GREEN' THEN 1.25 WHEN 'AMBER' THEN 1.0 WHEN 'UNKNOWN' THEN 0.9 ELSE 0.7 END)
        * (CASE WHEN p_at_risk THEN 0.85 ELSE 1.0 END)
        * (1 + 0.15 * ln(1 + greatest(coalesce(p_subscribers, 0), 0)))
        * (CASE p_status WHEN 'ACTIVE' THEN 1.0 WHEN 'DRAFT' THEN 1.0 / 16 WHEN 'DEPRECATED' THEN 1.0 / 256 ELSE 1.0 / 4096 END))::real
$$;
CREATE INDEX "DataProduct_trust_idx" ON "DataProduct"
  ((tessera_trust(tier, "sloStatus", "atRisk", "activeSubscriberCount", "lifecycleStatus")) DESC, key);

-- A query word reduced to what tsquery syntax can never misread: no punctuation, spaces or
-- control characters (quotes, backslashes, & | ! : * < > are all punctuation), accents folded.
CREATE FUNCTION tessera_search_clean(p_word text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT left(lower(unaccent(regexp_replace(coalesce(p_word, ''), '[[:punct:][:space:][:cntrl:]]', '', 'g'))), 64)
$$;

-- Known words that look like a word nobody uses ("ordr" -> order): empty when the word, or a word
-- it starts, is known. Up to three nearly as similar as the best (pg_trgm). The trigram lookup is
-- dynamic SQL: planned with the word, so it uses its index (a cached generic plan would not).
CREATE FUNCTION tessera_similar_terms(p_word text) RETURNS text[] LANGUAGE plpgsql STABLE AS $$
DECLARE
  w text := tessera_search_clean(p_word);
  stem text;
  result text[];
BEGIN
  IF length(w) < 3 THEN RETURN '{}'; END IF;
  stem := coalesce((ts_lexize('english_stem', w))[1], w);
  IF EXISTS (SELECT 1 FROM "SearchTerm" WHERE term >= stem AND term < stem || chr(1114111))
     OR EXISTS (SELECT 1 FROM "SearchTerm" WHERE term >= w AND term < w || chr(1114111)) THEN
    RETURN '{}';
  END IF;
  -- Only the closest: "shipmnt" means shipment, not also ship.
  EXECUTE 'SELECT ARRAY(WITH c AS (SELECT term, max(greatest(similarity(term, $1), similarity(term, $2))) AS sim
                                     FROM "SearchTerm" WHERE term % $1 OR term % $2 GROUP BY term)
                        SELECT term FROM c WHERE sim >= (SELECT max(sim) FROM c) - 0.08 ORDER BY sim DESC, term LIMIT 3)'
    INTO result USING w, stem;
  RETURN result;
END $$;

-- One query word as a tsquery. A known word matches exactly (after stemming); an unknown one, or
-- the word being typed (p_prefix), as a prefix, plus the known words it looks like.
-- p_weight restricts the match to a weight ('A': name, key and topic).
CREATE FUNCTION tessera_search_word(p_word text, p_weight text DEFAULT '', p_prefix boolean DEFAULT false)
RETURNS tsquery LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  w text := tessera_search_clean(p_word);
  wt text := CASE WHEN p_weight ~ '^[ABCD]{1,4}$' THEN p_weight ELSE '' END;
  stem text;
  q tsquery;
  alts text[];
  memo jsonb;
BEGIN
  IF length(w) < 1 OR (length(w) < 2 AND w !~ '^[[:digit:]]$') THEN RETURN NULL; END IF;
  stem := coalesce((ts_lexize('english_stem', w))[1], w);
  IF NOT p_prefix AND EXISTS (SELECT 1 FROM "SearchTerm" WHERE term = stem) THEN
    RETURN to_tsquery('tessera_search', quote_literal(w) || CASE WHEN wt = '' THEN '' ELSE ':' || wt END);
  END IF;
  q := to_tsquery('tessera_search', quote_literal(w) || ':*' || wt);
  IF numnode(q) = 0 THEN q := to_tsquery('simple', quote_literal(w) || ':*' || wt); END IF; -- a stop word being typed
  -- Look-alikes of a word are looked up once per transaction (the three forms of a query share them).
  memo := coalesce(nullif(current_setting('tessera.search_memo', true), ''), '{}')::jsonb;
  IF memo ? ('w:' || w) THEN
    alts := ARRAY(SELECT jsonb_array_elements_text(memo -> ('w:' || w)));
  ELSE
    alts := tessera_similar_terms(w);
    IF (SELECT count(*) FROM jsonb_object_keys(memo)) < 32 THEN
      PERFORM set_config('tessera.search_memo', jsonb_set(memo, ARRAY['w:' || w], to_jsonb(alts))::text, true);
    END IF;
  END IF;
  IF cardinality(alts) > 0 THEN
    q := q || to_tsquery('simple', (SELECT string_agg(quote_literal(a) || CASE WHEN wt = '' THEN '' ELSE ':' || wt END, ' | ') FROM unnest(alts) a));
  END IF;
  RETURN q;
END $$;

-- The query from its parsed form (lib/domain/search/parse-query.ts), websearch syntax:
-- {"groups": [["a", "b"], ["c"]], "phrases": [["d", "e"]], "exclude": [["f"]]} = (a | b) & c & "d e" & !f.
-- For relevance bands: p_weight restricts the groups to a weight, p_any joins them with OR (any
-- word); both leave phrases and exclusions out. NULL when nothing searchable is left.
CREATE FUNCTION tessera_search_query(p_spec jsonb, p_weight text DEFAULT '', p_prefix_last boolean DEFAULT false, p_any boolean DEFAULT false)
RETURNS tsquery LANGUAGE plpgsql STABLE AS $$
DECLARE
  result tsquery;
  part tsquery;
  alt tsquery;
  g jsonb;
  n int := 0;
  last int := 0;
  w text;
  arr jsonb;
BEGIN
  arr := CASE WHEN jsonb_typeof(p_spec -> 'groups') = 'array' THEN p_spec -> 'groups' ELSE '[]' END;
  last := least(jsonb_array_length(arr), 8);
  FOR g IN SELECT value FROM jsonb_array_elements(arr) LIMIT 8 LOOP
    n := n + 1;
    part := NULL;
    CONTINUE WHEN jsonb_typeof(g) <> 'array';
    FOR w IN SELECT value FROM jsonb_array_elements_text(g) LIMIT 4 LOOP
      alt := tessera_search_word(w, p_weight, p_prefix_last AND n = last);
      IF alt IS NOT NULL AND numnode(alt) > 0 THEN part := CASE WHEN part IS NULL THEN alt ELSE part || alt END; END IF;
    END LOOP;
    IF part IS NOT NULL THEN
      result := CASE WHEN result IS NULL THEN part WHEN p_any THEN result || part ELSE result && part END;
    END IF;
  END LOOP;
  IF p_weight <> '' OR p_any THEN RETURN result; END IF;
  arr := CASE WHEN jsonb_typeof(p_spec -> 'phrases') = 'array' THEN p_spec -> 'phrases' ELSE '[]' END;
  FOR g IN SELECT value FROM jsonb_array_elements(arr) LIMIT 4 LOOP
    CONTINUE WHEN jsonb_typeof(g) <> 'array';
    part := phraseto_tsquery('tessera_search', (SELECT string_agg(left(value, 64), ' ') FROM (SELECT value FROM jsonb_array_elements_text(g) LIMIT 8) v));
    IF numnode(part) > 0 THEN result := CASE WHEN result IS NULL THEN part ELSE result && part END; END IF;
  END LOOP;
  arr := CASE WHEN jsonb_typeof(p_spec -> 'exclude') = 'array' THEN p_spec -> 'exclude' ELSE '[]' END;
  FOR g IN SELECT value FROM jsonb_array_elements(arr) LIMIT 4 LOOP
    CONTINUE WHEN jsonb_typeof(g) <> 'array';
    part := phraseto_tsquery('tessera_search', (SELECT string_agg(left(value, 64), ' ') FROM (SELECT value FROM jsonb_array_elements_text(g) LIMIT 8) v));
    IF numnode(part) > 0 THEN result := CASE WHEN result IS NULL THEN !!part ELSE result && !!part END; END IF;
  END LOOP;
  RETURN result;
END $$;

-- The same, declared IMMUTABLE on purpose: with constant (or bound) arguments the planner folds it
-- into a tsquery constant before planning, so it estimates how many products match and chooses
-- between walking an index and reading the GIN index, in the same statement (one round trip).
-- It reads the word list, which only ever decides prefix and look-alike alternatives: a plan that
-- kept an older result would still match every product the words match. Never use it in an index.
-- A search statement folds it a dozen times; the first result is kept for the rest of the
-- transaction in one transaction-local setting (tessera.search_memo), so the words are looked up once.
CREATE FUNCTION tessera_search_tsquery(p_spec jsonb, p_mode text DEFAULT 'all', p_prefix_last boolean DEFAULT false)
RETURNS tsquery LANGUAGE plpgsql IMMUTABLE PARALLEL UNSAFE AS $$
DECLARE
  k text := md5(p_spec::text || '|' || coalesce(p_mode, '') || '|' || coalesce(p_prefix_last, false)::text);
  memo jsonb := coalesce(nullif(current_setting('tessera.search_memo', true), ''), '{}')::jsonb;
  q tsquery;
BEGIN
  IF memo ? k THEN RETURN (memo ->> k)::tsquery; END IF;
  q := tessera_search_query(p_spec, CASE WHEN p_mode = 'name' THEN 'A' ELSE '' END, p_prefix_last, p_mode = 'any');
  IF (SELECT count(*) FROM jsonb_object_keys(memo)) < 32 THEN
    PERFORM set_config('tessera.search_memo', jsonb_set(memo, ARRAY[k], to_jsonb(q::text))::text, true);
  END IF;
  RETURN q;
END $$;

-- The planner's estimate of the products matching a tsquery (whole document, or the name-level
-- part): how the search decides between counting exactly and sampling. Under a millisecond.
CREATE FUNCTION tessera_search_estimate(p_query tsquery, p_title boolean DEFAULT false) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  plan json;
BEGIN
  IF p_query IS NULL THEN RETURN 0; END IF;
  IF p_title THEN
    EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1 FROM "DataProduct" WHERE "searchTitle" @@ $1' INTO plan USING p_query;
  ELSE
    EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1 FROM "DataProduct" WHERE "searchVector" @@ $1' INTO plan USING p_query;
  END IF;
  RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
END $$;

-- The words of a query that were also matched as look-alikes, for "showing results for" messages
-- (from the transaction's memo when the query was just built, else looked up).
CREATE FUNCTION tessera_search_corrections(p_spec jsonb) RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
DECLARE
  memo jsonb := coalesce(nullif(current_setting('tessera.search_memo', true), ''), '{}')::jsonb;
  out jsonb := '{}';
  w text;
  alts jsonb;
BEGIN
  FOR w IN SELECT DISTINCT x.w FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p_spec -> 'groups') = 'array' THEN p_spec -> 'groups' ELSE '[]' END) g(grp),
                  jsonb_array_elements_text(CASE WHEN jsonb_typeof(g.grp) = 'array' THEN g.grp ELSE '[]' END) x(w) LIMIT 32 LOOP
    alts := coalesce(memo -> ('w:' || tessera_search_clean(w)), to_jsonb(tessera_similar_terms(w)));
    IF jsonb_array_length(alts) > 0 THEN out := out || jsonb_build_object(w, alts); END IF;
  END LOOP;
  RETURN out;
END $$;

-- Facet counts of a set of products (as parallel arrays, tags flattened): one row per facet value,
-- the open-ended facets (domain, owner, tag) cut to their p_top most frequent values. A function so
-- its plan is prepared once per connection, not planned with every search.
CREATE FUNCTION tessera_search_facets(p_tier text[], p_class text[], p_slo text[], p_status text[], p_domain text[], p_owner text[],
                                      p_tags text[], p_top int)
RETURNS TABLE (facet text, value text, n int) LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
    SELECT 'tier', v, count(*)::int FROM unnest(p_tier) v GROUP BY v
    UNION ALL SELECT 'class', v, count(*)::int FROM unnest(p_class) v GROUP BY v
    UNION ALL SELECT 'slo', v, count(*)::int FROM unnest(p_slo) v GROUP BY v
    UNION ALL SELECT 'status', v, count(*)::int FROM unnest(p_status) v GROUP BY v
    UNION ALL (SELECT 'domain', v, count(*)::int FROM unnest(p_domain) v GROUP BY v ORDER BY 3 DESC, 2 LIMIT p_top)
    UNION ALL (SELECT 'owner', v, count(*)::int FROM unnest(p_owner) v GROUP BY v ORDER BY 3 DESC, 2 LIMIT p_top)
    UNION ALL (SELECT 'tag', v, count(*)::int FROM unnest(p_tags) v GROUP BY v ORDER BY 3 DESC, 2 LIMIT p_top);
END $$;

-- Index what is already there.
UPDATE "DataProduct" SET "currentVersionId" = "currentVersionId";
