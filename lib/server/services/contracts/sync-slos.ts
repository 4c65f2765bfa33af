import "server-only";
import type { Tx } from "../../db/client";
import type { Sla } from "@/lib/domain/contracts/document";
import { slosFromSla } from "@/lib/domain/slo/from-sla";
import { holdObjectivesExclusive } from "../slo/objective-lock";

/** Makes the product's SLOs what the current contract promises (inside the publish transaction). */
export async function syncSlos(tx: Tx, productId: string, versionId: string, sla: Sla) {
  const specs = slosFromSla(sla);
  for (const s of specs) {
    const values = { contractVersionId: versionId, threshold: s.threshold, targetPercent: s.targetPercent, windowDays: s.windowDays };
    await tx.slo.upsert({ where: { productId_objective: { productId, objective: s.objective } }, create: { productId, objective: s.objective, ...values }, update: values });
  }
  // SloMeasurement has no foreign key (docs/adr/0005): the measurements of a removed objective go
  // in this transaction, under the exclusive objectives lock (in-flight ingestion finishes first;
  // the delete's later snapshot sees what it stored, and later ingestion sees the Slo gone).
  const gone = await tx.slo.findMany({ where: { productId, objective: { notIn: specs.map((s) => s.objective) } }, select: { id: true } });
  if (gone.length === 0) return { objectives: specs.map((s) => s.objective), removed: 0 };
  await holdObjectivesExclusive(tx);
  const ids = gone.map((g) => g.id);
  const removed = await tx.slo.deleteMany({ where: { id: { in: ids } } });
  await tx.$executeRaw`DELETE FROM "SloMeasurement" WHERE "sloId" = ANY(${ids}::text[])`;
  return { objectives: specs.map((s) => s.objective), removed: removed.count };
}
