import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { can, requirePermission } from "../../auth/guard";
import { auditInsertSql } from "../../audit";
import { Prisma } from "../../db/generated/client";
import { AppError, ValidationError } from "../../errors";
import { OBJECTIVES, isMet } from "@/lib/domain/slo/objective";
import { holdObjectivesShared } from "./objective-lock";
import { boolArrayLiteral, floatArrayLiteral, intArrayLiteral, textArrayLiteral } from "../../db/pg-array";
import { MAX_MEASUREMENT_BATCH, ZMeasurement, ZMeasurementBatch, quickMeasurement, type TMeasurement } from "./schemas";

export type ItemError = { index: number; idempotencyKey?: string; code: "invalid" | "not_found" | "forbidden" | "no_objective"; message: string };
export type IngestResult = { received: number; accepted: number; duplicates: number; rejected: ItemError[] };

/** Under a burst the pool may be busy for a while: wait for a connection rather than fail. */
const TX_OPTIONS = { maxWait: 10_000, timeout: 30_000 };

type SloRow = { id: string; productId: string; key: string; teamId: string; objective: string; threshold: number };

/**
 * Stores a batch of measurements in one statement (INSERT ... SELECT FROM unnest(...), keys
 * already stored skipped: re-sent idempotency keys are harmless) that also writes the audit row
 * and queues the touched products for a status recompute, which the job runner does coalesced
 * about every second (drain-status-queue), so a request never evaluates SLOs. Bad items are
 * reported per item while the good ones land. docs/slo.md explains the write path.
 */
export async function ingestMeasurements({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<IngestResult> {
  const envelope = ZMeasurementBatch.safeParse(input);
  if (!envelope.success) throw new ValidationError("The measurement batch is not valid.", envelope.error.issues);
  const items = envelope.data.measurements;
  if (items.length > MAX_MEASUREMENT_BATCH) throw new AppError("payload_too_large", 413, `At most ${MAX_MEASUREMENT_BATCH} measurements per request; send ${items.length} in several batches.`);
  if (ctx.actor.kind === "anonymous") requirePermission(ctx, "measurement.write");

  const rejected: ItemError[] = [];
  const parsed: { index: number; m: TMeasurement & { observedMs: number } }[] = [];
  items.forEach((raw, index) => {
    const quick = quickMeasurement(raw);
    // observedAt travels as milliseconds since the epoch (the column keeps milliseconds).
    if (quick) return void parsed.push({ index, m: { ...quick, observedMs: Date.parse(quick.observedAt) } });
    const r = ZMeasurement.safeParse(raw);
    if (r.success) return void parsed.push({ index, m: { ...r.data, observedMs: Date.parse(r.data.observedAt) } });
    const key = (raw as { idempotencyKey?: unknown } | null)?.idempotencyKey;
    rejected.push({ index, ...(typeof key === "string" ? { idempotencyKey: key } : {}), code: "invalid", message: r.error.issues.map((i) => `${i.path.join(".") || "item"}: ${i.message}`).join("; ") });
  });

  const received = items.length;
  const db = getDb();
  const keys = [...new Set(parsed.map((p) => p.m.product))];
  const slos = keys.length === 0 ? [] : await db.$queryRaw<SloRow[]>`
    SELECT s.id, s."productId", p.key, p."teamId", s.objective::text AS objective, s.threshold
    FROM "DataProduct" p
    -- LATERAL with LIMIT keeps the plan on the (productId, objective) index: as a plain join the
    -- planner hashes every Slo row of the catalog (2.9 ms for 200 products against 1.2 ms).
    CROSS JOIN LATERAL (SELECT s.id, s."productId", s.objective, s.threshold FROM "Slo" s WHERE s."productId" = p.id LIMIT ${OBJECTIVES.length}) s
    WHERE p.key = ANY(${keys}::text[])`;
  const bySlo = new Map(slos.map((s) => [`${s.key}\u0000${s.objective}`, s]));
  const products = new Map(slos.map((s) => [s.key, s]));

  // Authorize first: each product's owner team must grant "measurement.write" to the actor.
  const allowedTeams = new Map<string, boolean>();
  const allowed = (teamId: string) => allowedTeams.get(teamId) ?? (allowedTeams.set(teamId, can(ctx, "measurement.write", { teamId })), allowedTeams.get(teamId)!);
  // The batch's objectives form a small dictionary; each row carries its slot (1-based), not two ids.
  const slotOf = new Map<string, number>();
  const dict = { slo: [] as string[], product: [] as string[] };
  const cols = { slot: [] as number[], value: [] as number[], met: [] as boolean[], observedMs: [] as number[], key: [] as string[] };
  const teams = new Set<string>();
  const missedBy = new Map<string, boolean>();
  let forbidden = 0;
  for (const { index, m } of parsed) {
    const p = products.get(m.product);
    const fail = (code: ItemError["code"], message: string) => rejected.push({ index, idempotencyKey: m.idempotencyKey, code, message });
    if (!p) fail("not_found", `No data product "${m.product}" with SLOs.`);
    else if (!allowed(p.teamId)) (forbidden++, fail("forbidden", `You may not report measurements for "${m.product}".`));
    else {
      const slo = bySlo.get(`${m.product}\u0000${m.objective}`);
      if (!slo) fail("no_objective", `"${m.product}" has no ${m.objective} objective.`);
      else {
        teams.add(p.teamId);
        const met = isMet(m.objective, slo.threshold, m.value);
        missedBy.set(slo.productId, (missedBy.get(slo.productId) ?? false) || !met);
        let slot = slotOf.get(slo.id);
        if (slot === undefined) {
          slot = dict.slo.push(slo.id);
          dict.product.push(slo.productId);
          slotOf.set(slo.id, slot);
        }
        cols.slot.push(slot);
        cols.value.push(m.value);
        cols.met.push(met);
        cols.observedMs.push(m.observedMs);
        cols.key.push(m.idempotencyKey);
      }
    }
  }
  // Nothing the actor may write at all: refuse the request as a whole (fails closed).
  if (cols.slot.length === 0 && forbidden > 0) requirePermission(ctx, "measurement.write", { teamId: [...allowedTeams.keys()][0]! });
  rejected.sort((a, b) => a.index - b.index);
  if (cols.slot.length === 0) return { received, accepted: 0, duplicates: 0, rejected };

  const writable = cols.slot.length;
  const productIds = new Set(dict.product);
  const audit = (stored: Prisma.Sql) => auditInsertSql(ctx, {
    action: "measurement.ingest",
    entityType: "SloMeasurementBatch",
    entityId: ctx.requestId,
    teamId: teams.size === 1 ? [...teams][0]! : null,
    productId: productIds.size === 1 ? [...productIds][0]! : null,
    after: { received, rejected: rejected.length, products: productIds.size },
  }, Prisma.sql`jsonb_build_object('stored', ${stored}, 'duplicates', ${writable}::int - ${stored})`);
  const queued = [...missedBy].filter(([, missed]) => !missed).map(([id]) => id);
  const flagged = [...missedBy].filter(([, missed]) => missed).map(([id]) => id);
  const insert = Prisma.sql`
    WITH live AS (
      -- The batch's objectives that still exist: one deleted since the lookup above (sync-slos,
      -- under the exclusive lock) stores nothing; one deleted later waits for this commit.
      SELECT d.slot::int AS slot, d.slo, d.pid
      FROM unnest(${textArrayLiteral(dict.slo)}::text[], ${textArrayLiteral(dict.product)}::text[]) WITH ORDINALITY AS d(slo, pid, slot)
      WHERE EXISTS (SELECT 1 FROM "Slo" s WHERE s.id = d.slo)),
    stored AS (
      INSERT INTO "SloMeasurement" ("sloId", "productId", "value", "met", "observedAt", "receivedAt", "idempotencyKey")
      SELECT live.slo, live.pid, i.v, i.met, to_timestamp(i.ms / 1000) AT TIME ZONE 'UTC', ${ctx.now.toISOString()}::timestamp(3), i.k
      FROM unnest(${intArrayLiteral(cols.slot)}::int[], ${floatArrayLiteral(cols.value)}::float8[], ${boolArrayLiteral(cols.met)}::boolean[],
                  ${floatArrayLiteral(cols.observedMs)}::float8[], ${textArrayLiteral(cols.key)}::text[]) AS i(slot, v, met, ms, k)
      JOIN live ON live.slot = i.slot
      -- A key already stored, or repeated in the batch, stores nothing (a concurrent request
      -- storing the same key is waited for).
      ON CONFLICT ("productId", "idempotencyKey") DO NOTHING
      RETURNING 1),
    -- Products to recompute (a resent batch queues a harmless extra recompute). DO NOTHING takes
    -- no row lock when the product is already queued; only a miss updates a queued row.
    queued AS (
      INSERT INTO "SloStatusQueue" ("productId") SELECT unnest(${textArrayLiteral(queued)}::text[]) ORDER BY 1
      ON CONFLICT ("productId") DO NOTHING),
    flagged AS (
      INSERT INTO "SloStatusQueue" ("productId", missed) SELECT unnest(${textArrayLiteral(flagged)}::text[]), true ORDER BY 1
      ON CONFLICT ("productId") DO UPDATE SET missed = true WHERE NOT "SloStatusQueue".missed),
    audit AS (${audit(Prisma.sql`(SELECT count(*)::int FROM stored)`)})
    SELECT count(*)::int AS n FROM stored`;

  const accepted = await retryOnWriteConflict(() => db.$transaction(async (tx) => {
    // No foreign keys (docs/adr/0005): the shared lock is taken in its own statement, so the
    // INSERT's snapshot follows any deletion of objectives that committed before it.
    await holdObjectivesShared(tx);
    const [row] = await tx.$queryRaw<{ n: number }[]>(insert);
    return row!.n;
  }, TX_OPTIONS));
  return { received, accepted, duplicates: writable - accepted, rejected };
}

/** A deadlock victim (P2034) rolled back completely: running the same batch again is safe. */
async function retryOnWriteConflict<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (e) {
      if ((e as { code?: string }).code !== "P2034" || i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 10 * i + Math.random() * 20));
    }
  }
}
