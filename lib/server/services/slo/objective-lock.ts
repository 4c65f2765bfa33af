import "server-only";
import type { Tx } from "../../db/client";

// SloMeasurement has no foreign keys (docs/adr/0005-measurements-without-foreign-keys.md). One
// transaction-scoped advisory lock stands in for them: ingestion holds it shared (a lock-manager
// entry, no row locks; taken inside tessera_store_measurements, before the INSERT's snapshot), a
// service deleting Slo rows holds it exclusive, so neither sees half of the other and no
// measurement is stored for an objective after its deletion committed.

/** Deleting Slo rows (and their measurements, in the same transaction). */
export async function holdObjectivesExclusive(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tessera.slo-objectives'))`;
}
