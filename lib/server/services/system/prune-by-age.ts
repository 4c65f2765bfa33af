import "server-only";
import { z } from "zod";
import { getDb } from "../../db/client";

/** A retention in days from a platform setting, clamped to [min, max]; the default when unset or invalid. */
export async function readRetentionDays(opts: { setting: string; defaultDays: number; minDays: number; maxDays?: number }): Promise<number> {
  const row = await getDb().platformSetting.findUnique({ where: { key: opts.setting } });
  const parsed = z.number().int().min(opts.minDays).max(opts.maxDays ?? 3650).safeParse(row?.value);
  return parsed.success ? parsed.data : opts.defaultDays;
}

/**
 * The retention mechanism of append-only tables: the retention in days comes from a platform
 * setting (clamped to [min, max], the default when unset or invalid), and rows older than it are
 * deleted in short batches, so writers never wait on one long delete. `table` and `column` are
 * fixed identifiers from the caller, never input.
 */
export async function pruneByAge(opts: {
  now: Date;
  setting: string;
  defaultDays: number;
  minDays: number;
  maxDays?: number;
  table: "LineageEvent";
  column: "eventTime";
  batch: number;
  maxBatches?: number;
}): Promise<{ deleted: number; retentionDays: number }> {
  const db = getDb();
  const retentionDays = await readRetentionDays(opts);
  const cutoff = new Date(opts.now.getTime() - retentionDays * 86_400_000).toISOString();
  const sql = `DELETE FROM "${opts.table}" WHERE ctid = ANY(ARRAY(
    SELECT ctid FROM "${opts.table}" WHERE "${opts.column}" < $1::timestamp(3) LIMIT ${Math.trunc(opts.batch)}))`;
  let deleted = 0;
  for (let i = 0; i < (opts.maxBatches ?? 100); i++) {
    const n = await db.$executeRawUnsafe(sql, cutoff);
    deleted += n;
    if (n < opts.batch) break;
  }
  return { deleted, retentionDays };
}
