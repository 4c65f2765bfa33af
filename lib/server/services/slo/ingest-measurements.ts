import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { can, requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { AppError, ValidationError } from "../../errors";
import { isMet } from "@/lib/domain/slo/objective";
import { holdObjectivesShared } from "./objective-lock";
import { boolArrayLiteral, floatArrayLiteral, textArrayLiteral } from "../../db/pg-array";
import { MAX_MEASUREMENT_BATCH, ZMeasurement, ZMeasurementBatch, quickMeasurement, type TMeasurement } from "./schemas";

export type ItemError = { index: number; idempotencyKey?: string; code: "invalid" | "not_found" | "forbidden" | "no_objective"; message: string };
export type IngestResult = { received: number; accepted: number; duplicates: number; rejected: ItemError[] };

/** Under a burst the pool may be busy for a while: wait for a connection rather than fail. */
const TX_OPTIONS = { maxWait: 10_000, timeout: 30_000 };

type SloRow = { id: string; productId: string; key: string; teamId: string; objective: string; threshold: number };

/**
 * Stores a batch of measurements with one set-based INSERT ... SELECT FROM unnest(...) ON CONFLICT
 * DO NOTHING (re-sent idempotency keys are harmless) and one audit row; bad items are reported
 * per item while the good ones land. The same statement queues the touched products for a status
 * recompute, which the job runner does coalesced about every second (drain-status-queue), so a
 * request never evaluates SLOs.
 */
export async function ingestMeasurements({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<IngestResult> {
  const envelope = ZMeasurementBatch.safeParse(input);
  if (!envelope.success) throw new ValidationError("The measurement batch is not valid.", envelope.error.issues);
  const items = envelope.data.measurements;
  if (items.length > MAX_MEASUREMENT_BATCH) throw new AppError("payload_too_large", 413, `At most ${MAX_MEASUREMENT_BATCH} measurements per request; send ${items.length} in several batches.`);
  if (ctx.actor.kind === "anonymous") requirePermission(ctx, "measurement.write");

  const rejected: ItemError[] = [];
  const parsed: { index: number; m: TMeasurement }[] = [];
  items.forEach((raw, index) => {
    const quick = quickMeasurement(raw);
    if (quick) return void parsed.push({ index, m: quick });
    const r = ZMeasurement.safeParse(raw);
    // Normalised to UTC with a Z: PostgreSQL reads it as the same instant.
    if (r.success) return void parsed.push({ index, m: { ...r.data, observedAt: new Date(r.data.observedAt).toISOString() } });
    const key = (raw as { idempotencyKey?: unknown } | null)?.idempotencyKey;
    rejected.push({ index, ...(typeof key === "string" ? { idempotencyKey: key } : {}), code: "invalid", message: r.error.issues.map((i) => `${i.path.join(".") || "item"}: ${i.message}`).join("; ") });
  });

  const db = getDb();
  const keys = [...new Set(parsed.map((p) => p.m.product))];
  const slos = keys.length === 0 ? [] : await db.$queryRaw<SloRow[]>`
    SELECT s.id, s."productId", p.key, p."teamId", s.objective::text AS objective, s.threshold
    FROM "DataProduct" p JOIN "Slo" s ON s."productId" = p.id WHERE p.key = ANY(${keys}::text[])`;
  const bySlo = new Map(slos.map((s) => [`${s.key}\u0000${s.objective}`, s]));
  const products = new Map(slos.map((s) => [s.key, s]));

  // Authorize first: each product's owner team must grant "measurement.write" to the actor.
  const allowedTeams = new Map<string, boolean>();
  const allowed = (teamId: string) => allowedTeams.get(teamId) ?? (allowedTeams.set(teamId, can(ctx, "measurement.write", { teamId })), allowedTeams.get(teamId)!);
  const cols = { sloId: [] as string[], productId: [] as string[], value: [] as number[], met: [] as boolean[], observedAt: [] as string[], key: [] as string[] };
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
        cols.sloId.push(slo.id);
        cols.productId.push(slo.productId);
        cols.value.push(m.value);
        const met = isMet(m.objective, slo.threshold, m.value);
        cols.met.push(met);
        missedBy.set(slo.productId, (missedBy.get(slo.productId) ?? false) || !met);
        cols.observedAt.push(m.observedAt);
        cols.key.push(m.idempotencyKey);
      }
    }
  }
  // Nothing the actor may write at all: refuse the request as a whole (fails closed).
  if (cols.sloId.length === 0 && forbidden > 0) requirePermission(ctx, "measurement.write", { teamId: [...allowedTeams.keys()][0]! });
  rejected.sort((a, b) => a.index - b.index);
  if (cols.sloId.length === 0) return { received: items.length, accepted: 0, duplicates: 0, rejected };

  const sloIds = new Set(cols.sloId);
  const teamId = teams.size === 1 ? [...teams][0]! : null;
  const accepted = await retryOnWriteConflict(() => db.$transaction(async (tx) => {
    // observedAt arrives as ISO 8601 with Z or an offset (validated): stored as UTC.
    // No foreign keys (docs/adr/0005): an objective deleted since the lookup above (sync-slos,
    // under the exclusive lock) is filtered out by the join on "Slo"; one deleted later waits for
    // this commit and then deletes what it stored.
    await holdObjectivesShared(tx);
    // The batch's products are queued from the app's list (a resent batch queues a harmless extra
    // recompute): no RETURNING rows to collect and group, the count comes from the INSERT itself.
    const n = await tx.$executeRaw`
      WITH queued AS (
        INSERT INTO "SloStatusQueue" ("productId", missed)
        SELECT * FROM unnest(${textArrayLiteral([...missedBy.keys()])}::text[], ${boolArrayLiteral([...missedBy.values()])}::boolean[]) ORDER BY 1
        ON CONFLICT ("productId") DO UPDATE SET missed = true WHERE EXCLUDED.missed AND NOT "SloStatusQueue".missed)
      INSERT INTO "SloMeasurement" ("sloId", "productId", "value", "met", "observedAt", "receivedAt", "idempotencyKey")
      SELECT i.slo, i.pid, i.v, i.met, (i.obs::timestamptz AT TIME ZONE 'UTC')::timestamp(3), ${ctx.now.toISOString()}::timestamp(3), i.k
      FROM unnest(${textArrayLiteral(cols.sloId)}::text[], ${textArrayLiteral(cols.productId)}::text[],
                  ${floatArrayLiteral(cols.value)}::float8[], ${boolArrayLiteral(cols.met)}::boolean[],
                  ${textArrayLiteral(cols.observedAt)}::text[], ${textArrayLiteral(cols.key)}::text[]) AS i(slo, pid, v, met, obs, k)
      WHERE i.slo IN (SELECT id FROM "Slo" WHERE id = ANY(${textArrayLiteral([...sloIds])}::text[]))
      ON CONFLICT ("productId", "idempotencyKey") DO NOTHING`;
    await writeAudit(tx, ctx, {
      action: "measurement.ingest",
      entityType: "SloMeasurementBatch",
      entityId: ctx.requestId,
      teamId,
      productId: products.size === 1 ? [...products.values()][0]!.productId : null,
      after: { received: items.length, stored: n, duplicates: cols.sloId.length - n, rejected: rejected.length, products: new Set(cols.productId).size },
    });
    return n;
  }, TX_OPTIONS));
  return { received: items.length, accepted, duplicates: cols.sloId.length - accepted, rejected };
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
