import "server-only";
import type { Tx } from "../../db/client";
import type { Sla } from "@/lib/domain/contracts/document";
import { slosFromSla } from "@/lib/domain/slo/from-sla";

/** Makes the product's SLOs what the current contract promises (inside the publish transaction). */
export async function syncSlos(tx: Tx, productId: string, versionId: string, sla: Sla) {
  const specs = slosFromSla(sla);
  for (const s of specs) {
    const values = { contractVersionId: versionId, threshold: s.threshold, targetPercent: s.targetPercent, windowDays: s.windowDays };
    await tx.slo.upsert({ where: { productId_objective: { productId, objective: s.objective } }, create: { productId, objective: s.objective, ...values }, update: values });
  }
  // SloMeasurement has no foreign key (docs/adr/0005): the measurements of a removed objective
  // go in this transaction. Slo rows first: their row locks wait for any ingestion that holds
  // them, so the measurement delete (a later snapshot) sees what that ingestion stored.
  const removed = await tx.$queryRaw<{ id: string }[]>`
    DELETE FROM "Slo" WHERE "productId" = ${productId} AND NOT (objective::text = ANY(${specs.map((s) => s.objective)}::text[])) RETURNING id`;
  if (removed.length) await tx.$executeRaw`DELETE FROM "SloMeasurement" WHERE "sloId" = ANY(${removed.map((r) => r.id)}::text[])`;
  return { objectives: specs.map((s) => s.objective), removed: removed.length };
}
