-- CreateTable
CREATE TABLE "SloStatusQueue" (
    "productId" TEXT NOT NULL,
    "missed" BOOLEAN NOT NULL DEFAULT false,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SloStatusQueue_pkey" PRIMARY KEY ("productId")
);

-- CreateTable
CREATE TABLE "TopologyVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "TopologyVersion_pkey" PRIMARY KEY ("id")
);

-- The single counter row.
INSERT INTO "TopologyVersion" ("id", "version") VALUES (1, 0);

-- Bumps the counter once per transaction, at commit (deferred constraint triggers): the new number
-- becomes visible together with the change, and the counter row is locked only at the very end.
CREATE OR REPLACE FUNCTION tessera_bump_topology_version() RETURNS trigger AS $$
BEGIN
  IF current_setting('tessera.topology_bumped', true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM set_config('tessera.topology_bumped', txid_current()::text, true);
    UPDATE "TopologyVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER "Dependency_topology_version" AFTER INSERT OR UPDATE OR DELETE ON "Dependency"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tessera_bump_topology_version();

CREATE CONSTRAINT TRIGGER "Subscription_topology_version" AFTER INSERT OR DELETE ON "Subscription"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tessera_bump_topology_version();
CREATE CONSTRAINT TRIGGER "Subscription_topology_version_update" AFTER UPDATE ON "Subscription"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."productId" IS DISTINCT FROM NEW."productId" OR OLD."consumerTeamId" IS DISTINCT FROM NEW."consumerTeamId")
  EXECUTE FUNCTION tessera_bump_topology_version();

CREATE CONSTRAINT TRIGGER "DataProduct_topology_version" AFTER INSERT OR DELETE ON "DataProduct"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tessera_bump_topology_version();
CREATE CONSTRAINT TRIGGER "DataProduct_topology_version_update" AFTER UPDATE ON "DataProduct"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD."key" IS DISTINCT FROM NEW."key" OR OLD."name" IS DISTINCT FROM NEW."name" OR OLD."tier" IS DISTINCT FROM NEW."tier"
        OR OLD."teamId" IS DISTINCT FROM NEW."teamId" OR OLD."sloStatus" IS DISTINCT FROM NEW."sloStatus" OR OLD."atRisk" IS DISTINCT FROM NEW."atRisk")
  EXECUTE FUNCTION tessera_bump_topology_version();

CREATE CONSTRAINT TRIGGER "Team_topology_version" AFTER INSERT OR DELETE ON "Team"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tessera_bump_topology_version();
CREATE CONSTRAINT TRIGGER "Team_topology_version_update" AFTER UPDATE ON "Team"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD."slug" IS DISTINCT FROM NEW."slug" OR OLD."name" IS DISTINCT FROM NEW."name"
        OR OLD."onCallHandle" IS DISTINCT FROM NEW."onCallHandle" OR OLD."contactChannel" IS DISTINCT FROM NEW."contactChannel")
  EXECUTE FUNCTION tessera_bump_topology_version();
