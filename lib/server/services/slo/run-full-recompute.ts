import "server-only";
import { getDb } from "../../db/client";
import { recomputeStatus, type RecomputeResult } from "./recompute-status";

const LEASE = "slo.recompute";
/** A run that has not finished after this long (a crashed instance) is taken over. */
const LEASE_SECONDS = 300;
/** The next run starts this long after the previous one started. */
export const FULL_RECOMPUTE_PERIOD_SECONDS = 55;

/**
 * The catalog-wide status pass (freshness ages, silence turns UNKNOWN), about once a minute for
 * the whole deployment: the instance whose tick finds the lease expired takes it (database clock)
 * and runs recomputeStatus. A run that fails (the database restarting) gives the lease back, so the
 * next tick of any instance retries at once; a crashed run is taken over after LEASE_SECONDS.
 * Returns null when another instance holds the lease.
 */
export async function runFullRecompute({ now }: { now: Date }): Promise<RecomputeResult | null> {
  const db = getDb();
  const taken = await db.$queryRaw<{ name: string }[]>`
    INSERT INTO "JobLease" (name, until) VALUES (${LEASE}, clock_timestamp() + ${LEASE_SECONDS} * interval '1 second')
    ON CONFLICT (name) DO UPDATE SET until = EXCLUDED.until WHERE "JobLease".until <= clock_timestamp()
    RETURNING name`;
  if (taken.length === 0) return null;
  try {
    const result = await recomputeStatus({ now });
    await db.$executeRaw`
      UPDATE "JobLease" SET until = until - ${LEASE_SECONDS - FULL_RECOMPUTE_PERIOD_SECONDS} * interval '1 second' WHERE name = ${LEASE}`;
    return result;
  } catch (e) {
    await db.$executeRaw`UPDATE "JobLease" SET until = clock_timestamp() WHERE name = ${LEASE}`.catch(() => {});
    throw e;
  }
}
