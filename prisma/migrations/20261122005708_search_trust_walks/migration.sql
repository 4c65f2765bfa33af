-- CreateIndex
CREATE INDEX "DataProduct_tier_activeSubscriberCount_key_idx" ON "DataProduct"("tier", "activeSubscriberCount" DESC, "key");

-- Name-level part of a product's document: A name and topic; B domain, owner team, tags and tier
-- (the key is domain.topic.tier: its parts land in A and B, so a typed key still matches). Parts
-- are joined with a stop word, which takes a position: a phrase never spans two parts.
CREATE OR REPLACE FUNCTION tessera_search_title(p_name text, p_key text, p_topic text, p_tags text[], p_domain_id text, p_team_id text)
RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('tessera_search', concat_ws(' the ', p_name, translate(p_topic, '_-', '  '))), 'A')
      || setweight(to_tsvector('tessera_search', concat_ws(' the ', 'the', substring(p_key FROM '[^.]*$'),
           (SELECT concat_ws(' the ', d.name, translate(d.slug, '_-', '  ')) FROM "Domain" d WHERE d.id = p_domain_id),
           (SELECT concat_ws(' the ', t.name, translate(t.slug, '_-', '  ')) FROM "Team" t WHERE t.id = p_team_id),
           array_to_string(ARRAY(SELECT translate(x, '_-', '  ') FROM unnest(p_tags) x), ' the '))), 'B')
$$;

-- The rest: C description, field names and field tags of the current contract; D field descriptions.
-- Joined with a stop word too, so "order id" does not match one field's last word and the next one's first.
CREATE OR REPLACE FUNCTION tessera_search_body(p_description text, p_version_id text)
RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('tessera_search', concat_ws(' the ', 'the', p_description, f.names)), 'C')
      || setweight(to_tsvector('tessera_search', 'the ' || coalesce(f.descriptions, '')), 'D')
    FROM (SELECT string_agg(translate(cf.path, '._-', '   ') || coalesce(' the ' || nullif(array_to_string(cf.tags, ' the '), ''), ''), ' the ' ORDER BY cf.position) AS names,
                 string_agg(cf.description, ' the ' ORDER BY cf.position) AS descriptions
            FROM "ContractField" cf WHERE cf."versionId" = p_version_id) f
$$;

-- Rebuild every document with the functions above (the update trigger fires on name).
UPDATE "DataProduct" SET name = name;

-- Lifecycle decides first in trust (steps of 16); saying so in the index lets a walk in trust order
-- start at the asked-for status instead of scanning past every better one (status=DEPRECATED).
CREATE FUNCTION tessera_status_rank(p_status "LifecycleStatus") RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE p_status WHEN 'ACTIVE' THEN 0 WHEN 'DRAFT' THEN 1 WHEN 'DEPRECATED' THEN 2 ELSE 3 END
$$;
DROP INDEX "DataProduct_trust_idx";
CREATE INDEX "DataProduct_trust_idx" ON "DataProduct"
  ((tessera_status_rank("lifecycleStatus")), (tessera_trust(tier, "sloStatus", "atRisk", "activeSubscriberCount", "lifecycleStatus")) DESC, key);
-- Per (tier, SLO status): with a filter on those parts of trust, one walk per pair, merged
-- (trustWalk in lib/server/services/search/search-sql.ts).
CREATE INDEX "DataProduct_trust_part_idx" ON "DataProduct"
  (tier, "sloStatus", (tessera_status_rank("lifecycleStatus")), (tessera_trust(tier, "sloStatus", "atRisk", "activeSubscriberCount", "lifecycleStatus")) DESC, key);
