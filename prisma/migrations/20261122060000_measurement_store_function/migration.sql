-- Stores one batch of measurements (lib/server/services/slo/ingest-measurements.ts; docs/adr/0006).
-- A function so that the app sends the whole write as ONE statement (one round trip, which is its
-- own transaction) while the shared objectives lock (docs/adr/0005) is still taken BEFORE the
-- INSERT's snapshot: in a function each statement takes a fresh snapshot, so the INSERT sees any
-- deletion of objectives that committed before the lock was granted.
--
-- The batch's objectives come as a dictionary (p_slo / p_product, 1-based slots) and each row
-- carries its slot. An item whose key and observation time are already stored stores nothing;
-- of an item repeated in the batch, the first occurrence is stored. Products in
-- p_queue are queued for a status recompute without touching a row already queued; those in
-- p_flag (a measurement missed its objective) also mark a queued row as missed.
CREATE FUNCTION tessera_store_measurements(
  p_slo text[], p_product text[],
  p_slot integer[], p_value double precision[], p_met boolean[], p_observed_ms double precision[], p_key text[],
  p_received_at timestamp(3), p_queue text[], p_flag text[]
) RETURNS integer AS $$
DECLARE
  stored integer;
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtext('tessera.slo-objectives'));

  WITH live AS (
    -- Objectives deleted since the app looked them up store nothing.
    SELECT d.slot::integer AS slot, d.slo, d.pid
    FROM unnest(p_slo, p_product) WITH ORDINALITY AS d(slo, pid, slot)
    WHERE EXISTS (SELECT 1 FROM "Slo" s WHERE s.id = d.slo))
  INSERT INTO "SloMeasurement" ("sloId", "productId", "value", "met", "observedAt", "receivedAt", "idempotencyKey")
  SELECT live.slo, live.pid, i.v, i.met, (to_timestamp(i.ms / 1000) AT TIME ZONE 'UTC')::timestamp(3), p_received_at, i.k
  FROM unnest(p_slot, p_value, p_met, p_observed_ms, p_key) WITH ORDINALITY AS i(slot, v, met, ms, k, n)
  JOIN live ON live.slot = i.slot
  ORDER BY i.n -- in the batch's order: of an item repeated in the batch, the first is stored
  ON CONFLICT ("productId", "idempotencyKey", "observedAt") DO NOTHING;
  GET DIAGNOSTICS stored = ROW_COUNT;

  INSERT INTO "SloStatusQueue" ("productId")
  SELECT q FROM unnest(p_queue) AS q ORDER BY 1
  ON CONFLICT ("productId") DO NOTHING;

  INSERT INTO "SloStatusQueue" ("productId", missed)
  SELECT q, true FROM unnest(p_flag) AS q ORDER BY 1
  ON CONFLICT ("productId") DO UPDATE SET missed = true WHERE NOT "SloStatusQueue".missed;

  RETURN stored;
END
$$ LANGUAGE plpgsql;
