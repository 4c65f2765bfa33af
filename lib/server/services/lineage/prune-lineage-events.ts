import "server-only";
import { pruneByAge } from "../system/prune-by-age";

export const DEFAULT_LINEAGE_RETENTION_DAYS = 180;

/**
 * Deletes stored OpenLineage events whose event time is older than the retention (platform setting
 * "lineage.retentionDays", default 180 days), in short batches. Observed dependencies keep what the
 * events taught (jobs, run count, first and last seen); what goes is the raw event, so a dataset
 * claimed later replays only the runs still kept, and an event re-sent after its retention counts
 * as a new run.
 */
export function pruneLineageEvents({ now, maxBatches }: { now: Date; maxBatches?: number }): Promise<{ deleted: number; retentionDays: number }> {
  return pruneByAge({ now, maxBatches, setting: "lineage.retentionDays", defaultDays: DEFAULT_LINEAGE_RETENTION_DAYS, minDays: 7, table: "LineageEvent", column: "eventTime", batch: 5_000 });
}
