import "server-only";
import { z } from "zod";
import { getDb } from "../../db/client";

export const DEFAULT_LINEAGE_RETENTION_DAYS = 180;
const BATCH = 5_000;

/**
 * Deletes stored OpenLineage events whose event time is older than the retention (platform setting
 * "lineage.retentionDays", default 180 days), in short batches. Observed dependencies keep what the
 * events taught (jobs, run count, first and last seen); what goes is the raw event, so a dataset
 * claimed later replays only the runs still kept, and an event re-sent after its retention counts
 * as a new run.
 */
export async function pruneLineageEvents({ now, maxBatches = 100 }: { now: Date; maxBatches?: number }): Promise<{ deleted: number; retentionDays: number }> {
  const db = getDb();
  const row = await db.platformSetting.findUnique({ where: { key: "lineage.retentionDays" } });
  const parsed = z.number().int().min(7).max(3650).safeParse(row?.value);
  const retentionDays = parsed.success ? parsed.data : DEFAULT_LINEAGE_RETENTION_DAYS;
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  let deleted = 0;
  for (let i = 0; i < maxBatches; i++) {
    const n = await db.$executeRaw`
      DELETE FROM "LineageEvent" WHERE id = ANY(ARRAY(
        SELECT id FROM "LineageEvent" WHERE "eventTime" < ${cutoff}::timestamp(3) ORDER BY "eventTime" LIMIT ${BATCH}))`;
    deleted += n;
    if (n < BATCH) break;
  }
  return { deleted, retentionDays };
}
