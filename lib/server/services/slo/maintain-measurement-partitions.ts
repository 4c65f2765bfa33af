import "server-only";
import { getDb } from "../../db/client";
import { readRetentionDays } from "../system/prune-by-age";

export const DEFAULT_RETENTION_DAYS = 400;
/** Months created ahead of the current one, so ingestion never routes to the default partition. */
const MONTHS_AHEAD = 2;
const PARTITION = /^SloMeasurement_(\d{4})_(\d{2})$/;

const monthStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
const addMonths = (d: Date, n: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));

export type PartitionReport = { retentionDays: number; created: string[]; dropped: string[]; deletedFromDefault: number };

/**
 * Keeps SloMeasurement's monthly partitions (docs/adr/0007) to the retention window (platform
 * setting "slo.retentionDays", default 400 days: longer than any window plus the 90-day chart):
 * - creates each month from the one holding the retention cutoff to MONTHS_AHEAD after the current
 *   one (rows of a new month that went to the default partition move into it);
 * - drops the months that lie wholly before the cutoff: a DROP, not a DELETE, so retention costs
 *   ingestion nothing but a moment's lock (bounded by lock_timeout; a busy table is retried at
 *   the next run);
 * - deletes the default partition's rows older than the cutoff.
 * A system job (hourly, `slo.prune`): no actor, nothing to authorize.
 */
export async function maintainMeasurementPartitions({ now }: { now: Date }): Promise<PartitionReport> {
  const db = getDb();
  const retentionDays = await readRetentionDays({ setting: "slo.retentionDays", defaultDays: DEFAULT_RETENTION_DAYS, minDays: 30 });
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);

  const created: string[] = [];
  for (let month = monthStart(cutoff); month <= addMonths(monthStart(now), MONTHS_AHEAD); month = addMonths(month, 1)) {
    const [row] = await db.$queryRaw<{ created: boolean }[]>`SELECT tessera_add_measurement_month(${month.toISOString()}::timestamp) AS created`;
    if (row!.created) created.push(`SloMeasurement_${month.toISOString().slice(0, 7).replace("-", "_")}`);
  }

  const partitions = await db.$queryRaw<{ name: string }[]>`
    SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = '"SloMeasurement"'::regclass ORDER BY 1`;
  const dropped: string[] = [];
  for (const { name } of partitions) {
    const m = PARTITION.exec(name);
    if (!m || addMonths(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)), 1) > cutoff) continue;
    try {
      await db.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL lock_timeout = '5s'`;
        // The name comes from the catalog and matched PARTITION: a safe identifier.
        await tx.$executeRawUnsafe(`DROP TABLE "${name}"`);
      });
      dropped.push(name);
    } catch (e) {
      if (!/lock timeout/i.test(String((e as Error).message))) throw e;
    }
  }

  const deletedFromDefault = await db.$executeRaw`DELETE FROM "SloMeasurement_default" WHERE "observedAt" < ${cutoff.toISOString()}::timestamp(3)`;
  return { retentionDays, created, dropped, deletedFromDefault };
}
