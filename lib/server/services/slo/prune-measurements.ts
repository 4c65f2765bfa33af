import "server-only";
import { pruneByAge } from "../system/prune-by-age";

export const DEFAULT_RETENTION_DAYS = 400;

/**
 * Deletes measurements older than the retention (platform setting "slo.retentionDays", default
 * 400 days: longer than any window plus the 90-day chart) in short batches, so ingestion never
 * waits on one long delete. Partitioning SloMeasurement by month would make this a DROP; see docs/slo.md.
 */
export function pruneMeasurements({ now, maxBatches }: { now: Date; maxBatches?: number }): Promise<{ deleted: number; retentionDays: number }> {
  return pruneByAge({ now, maxBatches, setting: "slo.retentionDays", defaultDays: DEFAULT_RETENTION_DAYS, minDays: 30, table: "SloMeasurement", column: "observedAt", batch: 10_000 });
}
