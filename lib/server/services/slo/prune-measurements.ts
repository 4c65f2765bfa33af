import "server-only";
import { z } from "zod";
import { getDb } from "../../db/client";

export const DEFAULT_RETENTION_DAYS = 400;
const BATCH = 10_000;

/**
 * Deletes measurements older than the retention (platform setting "slo.retentionDays", default
 * 400 days: longer than any window plus the 90-day chart) in short batches, so ingestion never
 * waits on one long delete. Partitioning SloMeasurement by month would make this a DROP; see docs/slo.md.
 */
export async function pruneMeasurements({ now, maxBatches = 100 }: { now: Date; maxBatches?: number }): Promise<{ deleted: number; retentionDays: number }> {
  const db = getDb();
  const row = await db.platformSetting.findUnique({ where: { key: "slo.retentionDays" } });
  const parsed = z.number().int().min(30).max(3650).safeParse(row?.value);
  const retentionDays = parsed.success ? parsed.data : DEFAULT_RETENTION_DAYS;
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  let deleted = 0;
  for (let i = 0; i < maxBatches; i++) {
    const n = await db.$executeRaw`
      DELETE FROM "SloMeasurement" WHERE ctid = ANY(ARRAY(
        SELECT ctid FROM "SloMeasurement" WHERE "observedAt" < ${cutoff}::timestamp(3) LIMIT ${BATCH}))`;
    deleted += n;
    if (n < BATCH) break;
  }
  return { deleted, retentionDays };
}
