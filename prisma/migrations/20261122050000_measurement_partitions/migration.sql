-- SloMeasurement partitioned by month on "observedAt" (docs/adr/0007-measurement-partitions.md):
-- retention drops whole months instead of deleting rows, so it never competes with ingestion.
-- PostgreSQL requires the partition key in every unique index: the primary key becomes
-- (productId, idempotencyKey, observedAt). A resent item carries the same observedAt, so sending
-- it again stays harmless. Prisma cannot declare partitioning: this migration is hand-written.
-- Existing rows are kept (copied into their month's partition).

ALTER TABLE "SloMeasurement" RENAME TO "SloMeasurement_before_partitioning";
ALTER TABLE "SloMeasurement_before_partitioning" RENAME CONSTRAINT "SloMeasurement_pkey" TO "SloMeasurement_before_partitioning_pkey";
ALTER INDEX "SloMeasurement_sloId_observedAt_idx" RENAME TO "SloMeasurement_before_partitioning_sloId_observedAt_idx";

CREATE TABLE "SloMeasurement" (
    "productId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "sloId" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "met" BOOLEAN NOT NULL,
    "observedAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SloMeasurement_pkey" PRIMARY KEY ("productId", "idempotencyKey", "observedAt")
) PARTITION BY RANGE ("observedAt");

CREATE INDEX "SloMeasurement_sloId_observedAt_idx" ON "SloMeasurement"("sloId", "observedAt");

-- Rows of a month without its partition (older than the retention, or far ahead) land here; the
-- partition job moves them out when it creates their month, and retention deletes old ones.
CREATE TABLE "SloMeasurement_default" PARTITION OF "SloMeasurement" DEFAULT;

-- Creates the partition of the month holding p_at ("SloMeasurement_2026_11") unless it exists,
-- moving that month's rows out of the default partition first. Returns whether it created one.
CREATE FUNCTION tessera_add_measurement_month(p_at timestamp) RETURNS boolean AS $$
DECLARE
  lo timestamp := date_trunc('month', p_at);
  hi timestamp := date_trunc('month', p_at) + interval '1 month';
  part text := 'SloMeasurement_' || to_char(lo, 'YYYY_MM');
BEGIN
  -- Two instances running the job at once: the second waits, then finds the month there.
  PERFORM pg_advisory_xact_lock(hashtext('tessera.measurement-partitions'));
  IF to_regclass(format('%I', part)) IS NOT NULL THEN
    RETURN false;
  END IF;
  EXECUTE format('CREATE TABLE %I (LIKE "SloMeasurement" INCLUDING DEFAULTS)', part);
  EXECUTE format('WITH moved AS (DELETE FROM "SloMeasurement_default" WHERE "observedAt" >= %L AND "observedAt" < %L RETURNING *) INSERT INTO %I SELECT * FROM moved', lo, hi, part);
  EXECUTE format('ALTER TABLE "SloMeasurement" ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
  RETURN true;
END
$$ LANGUAGE plpgsql;

-- The months of the existing rows, and those of the default retention (400 days) up to two
-- months ahead, as the hourly job keeps them (lib/server/services/slo/maintain-measurement-partitions.ts).
SELECT tessera_add_measurement_month(m)
FROM (
  SELECT date_trunc('month', "observedAt") AS m FROM "SloMeasurement_before_partitioning" GROUP BY 1
  UNION SELECT generate_series(date_trunc('month', now()::timestamp - interval '400 days'), date_trunc('month', now()::timestamp) + interval '2 months', interval '1 month')
) months ORDER BY m;

INSERT INTO "SloMeasurement" ("productId", "idempotencyKey", "sloId", "value", "met", "observedAt", "receivedAt")
SELECT "productId", "idempotencyKey", "sloId", "value", "met", "observedAt", "receivedAt" FROM "SloMeasurement_before_partitioning";

DROP TABLE "SloMeasurement_before_partitioning";
