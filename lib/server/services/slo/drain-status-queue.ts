import "server-only";
import { getDb } from "../../db/client";
import { recomputeStatus, type RecomputeResult } from "./recompute-status";

/** A GREEN product that only received met measurements is recomputed at most this often. */
export const GREEN_RECOMPUTE_INTERVAL_MS = 5_000;

/**
 * Recomputes the status of the products ingestion queued (SloStatusQueue), coalesced: however many
 * batches arrived since the last drain, each product is evaluated once. Run by the job runner about
 * every second. New measurements that all met cannot worsen a GREEN product (one more success never
 * shrinks the budget), so such a product stays queued until its last evaluation is
 * GREEN_RECOMPUTE_INTERVAL_MS old; a miss, or a product not GREEN, is taken at once.
 */
export async function drainStatusQueue({ now }: { now: Date }): Promise<RecomputeResult & { queued: number }> {
  const db = getDb();
  const since = new Date(now.getTime() - GREEN_RECOMPUTE_INTERVAL_MS).toISOString();
  // Rows are taken in key order and rows an ingesting transaction holds are skipped (taken on the
  // next run): the drain never waits on ingestion, so the two cannot deadlock.
  const taken = await db.$queryRaw<{ productId: string }[]>`
    DELETE FROM "SloStatusQueue" WHERE "productId" IN (
      SELECT q."productId" FROM "SloStatusQueue" q
      WHERE q.missed OR NOT EXISTS (
        SELECT 1 FROM "DataProduct" p WHERE p.id = q."productId" AND p."sloStatus" = 'GREEN'
          AND p."statusComputedAt" > ${since}::timestamp(3) AND p."statusComputedAt" <= ${now.toISOString()}::timestamp(3))
      ORDER BY q."productId" FOR UPDATE SKIP LOCKED)
    RETURNING "productId"`;
  if (taken.length === 0) return { slos: 0, products: 0, changes: 0, effectiveUpdated: 0, queued: 0 };
  const productIds = taken.map((t) => t.productId).sort();
  try {
    return { ...(await recomputeStatus({ now, productIds })), queued: productIds.length };
  } catch (e) {
    // Put them back (best effort); the minute-by-minute full recompute catches anything lost.
    await db.$executeRaw`
      INSERT INTO "SloStatusQueue" ("productId", missed) SELECT unnest(${productIds}::text[]), true ON CONFLICT ("productId") DO UPDATE SET missed = true`
      .catch(() => {});
    throw e;
  }
}
