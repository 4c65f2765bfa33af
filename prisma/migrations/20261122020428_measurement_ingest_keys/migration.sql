-- Ingestion speed (docs/adr/0005-measurements-without-foreign-keys.md): SloMeasurement loses its
-- surrogate id and its two foreign keys; the idempotency key becomes the primary key. Every
-- existing row is kept: (productId, idempotencyKey) was already unique and NOT NULL.

-- DropForeignKey
ALTER TABLE "SloMeasurement" DROP CONSTRAINT "SloMeasurement_productId_fkey";

-- DropForeignKey
ALTER TABLE "SloMeasurement" DROP CONSTRAINT "SloMeasurement_sloId_fkey";

-- AlterTable: the existing unique index becomes the primary key as it is (no rebuild of a large
-- index); it is renamed "SloMeasurement_pkey".
ALTER TABLE "SloMeasurement" DROP CONSTRAINT "SloMeasurement_pkey",
DROP COLUMN "id";
ALTER TABLE "SloMeasurement" ADD CONSTRAINT "SloMeasurement_pkey" PRIMARY KEY USING INDEX "SloMeasurement_productId_idempotencyKey_key";

-- Backstop for deletions that bypass the services (a DataProduct removed with SQL cascades to its
-- Slo rows): measurements of a deleted Slo go with it, once per statement. The services delete
-- them explicitly as well (sync-slos), so this normally finds nothing.
CREATE OR REPLACE FUNCTION tessera_delete_slo_measurements() RETURNS trigger AS $$
BEGIN
  DELETE FROM "SloMeasurement" m USING gone WHERE m."sloId" = gone.id;
  RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER "Slo_delete_measurements" AFTER DELETE ON "Slo"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION tessera_delete_slo_measurements();
