-- Published contract versions are immutable (docs/contracts.md). Only their lifecycle may change
-- (status, deprecatedAt, retiredAt) and publishedById (set null when the user is deleted).
-- Hand-written: the schema engine ignores functions and triggers, so this is not drift.
CREATE OR REPLACE FUNCTION tessera_contract_version_immutable() RETURNS trigger AS $$
BEGIN
  IF NEW."productId" IS DISTINCT FROM OLD."productId"
     OR NEW."version" IS DISTINCT FROM OLD."version"
     OR NEW."major" IS DISTINCT FROM OLD."major"
     OR NEW."minor" IS DISTINCT FROM OLD."minor"
     OR NEW."patch" IS DISTINCT FROM OLD."patch"
     OR NEW."owner" IS DISTINCT FROM OLD."owner"
     OR NEW."sla" IS DISTINCT FROM OLD."sla"
     OR NEW."semantics" IS DISTINCT FROM OLD."semantics"
     OR NEW."document" IS DISTINCT FROM OLD."document"
     OR NEW."sourceFormat" IS DISTINCT FROM OLD."sourceFormat"
     OR NEW."sourceYaml" IS DISTINCT FROM OLD."sourceYaml"
     OR NEW."changeClass" IS DISTINCT FROM OLD."changeClass"
     OR NEW."changes" IS DISTINCT FROM OLD."changes"
     OR NEW."changelog" IS DISTINCT FROM OLD."changelog"
     OR NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt" THEN
    RAISE EXCEPTION 'contract version % is published and cannot change', OLD."version"
      USING ERRCODE = 'P0001', HINT = 'Publish a new version instead.';
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ContractVersion_immutable"
  BEFORE UPDATE ON "ContractVersion"
  FOR EACH ROW EXECUTE FUNCTION tessera_contract_version_immutable();

CREATE OR REPLACE FUNCTION tessera_contract_field_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'fields of a published contract version cannot change'
    USING ERRCODE = 'P0001', HINT = 'Publish a new version instead.';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ContractField_immutable"
  BEFORE UPDATE ON "ContractField"
  FOR EACH ROW EXECUTE FUNCTION tessera_contract_field_immutable();
