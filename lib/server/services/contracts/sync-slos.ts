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
  const removed = await tx.slo.deleteMany({ where: { productId, objective: { notIn: specs.map((s) => s.objective) } } });
  return { objectives: specs.map((s) => s.objective), removed: removed.count };
}
