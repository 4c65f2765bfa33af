import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { can, requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { AppError, ValidationError } from "../../errors";
import { isMet } from "@/lib/domain/slo/objective";
import { MAX_MEASUREMENT_BATCH, ZMeasurement, ZMeasurementBatch } from "./schemas";
import { recomputeStatus } from "./recompute-status";

export type ItemError = { index: number; idempotencyKey?: string; code: "invalid" | "not_found" | "forbidden" | "no_objective"; message: string };
export type IngestResult = { received: number; accepted: number; duplicates: number; rejected: ItemError[] };

/** A GREEN product receiving only met measurements is recomputed inline at most this often. */
export const INLINE_RECOMPUTE_MIN_INTERVAL_MS = 5_000;

type SloRow = { id: string; productId: string; key: string; teamId: string; objective: string; threshold: number };

/**
 * Stores a batch of measurements with one set-based INSERT ... SELECT FROM unnest(...) ON CONFLICT
 * DO NOTHING (re-sent idempotency keys are harmless) and one audit row; bad items are reported
 * per item while the good ones land. Touched products' status is recomputed right after.
 */
export async function ingestMeasurements({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<IngestResult> {
  const envelope = ZMeasurementBatch.safeParse(input);
  if (!envelope.success) throw new ValidationError("The measurement batch is not valid.", envelope.error.issues);
  const items = envelope.data.measurements;
  if (items.length > MAX_MEASUREMENT_BATCH) throw new AppError("payload_too_large", 413, `At most ${MAX_MEASUREMENT_BATCH} measurements per request; send ${items.length} in several batches.`);
  if (ctx.actor.kind === "anonymous") requirePermission(ctx, "measurement.write");

  const rejected: ItemError[] = [];
  const parsed = items.flatMap((raw, index) => {
    const r = ZMeasurement.safeParse(raw);
    if (r.success) return [{ index, m: r.data }];
    const key = (raw as { idempotencyKey?: unknown } | null)?.idempotencyKey;
    rejected.push({ index, ...(typeof key === "string" ? { idempotencyKey: key } : {}), code: "invalid", message: r.error.issues.map((i) => `${i.path.join(".") || "item"}: ${i.message}`).join("; ") });
    return [];
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
        cols.met.push(isMet(m.objective, slo.threshold, m.value));
        cols.observedAt.push(new Date(m.observedAt).toISOString());
        cols.key.push(m.idempotencyKey);
      }
    }
  }
  // Nothing the actor may write at all: refuse the request as a whole (fails closed).
  if (cols.sloId.length === 0 && forbidden > 0) requirePermission(ctx, "measurement.write", { teamId: [...allowedTeams.keys()][0]! });
  rejected.sort((a, b) => a.index - b.index);
  if (cols.sloId.length === 0) return { received: items.length, accepted: 0, duplicates: 0, rejected };

  const teamId = teams.size === 1 ? [...teams][0]! : null;
  const accepted = await db.$transaction(async (tx) => {
    const n = await tx.$executeRaw`
      INSERT INTO "SloMeasurement" ("sloId", "productId", "value", "met", "observedAt", "receivedAt", "idempotencyKey")
      SELECT i.slo, i.pid, i.v, i.met, i.obs, ${ctx.now.toISOString()}::timestamp(3), i.k
      FROM unnest(${cols.sloId}::text[], ${cols.productId}::text[], ${cols.value}::float8[], ${cols.met}::boolean[],
                  ${cols.observedAt}::timestamp(3)[], ${cols.key}::text[]) AS i(slo, pid, v, met, obs, k)
      ON CONFLICT ("productId", "idempotencyKey") DO NOTHING`;
    await writeAudit(tx, ctx, {
      action: "measurement.ingest",
      entityType: "SloMeasurementBatch",
      entityId: ctx.requestId,
      teamId,
      productId: products.size === 1 ? [...products.values()][0]!.productId : null,
      after: { received: items.length, stored: n, duplicates: cols.sloId.length - n, rejected: rejected.length, products: [...new Set(cols.productId)].length },
    });
    return n;
  });
  // Status moves as soon as data arrives (a healthy GREEN product at most every 5 s under a
  // stream of batches); the cron handles aging and silence.
  if (accepted > 0) await recomputeStatus({
      now: ctx.now,
      productIds: [...new Set(cols.productId)],
      onlyIfChangeable: { missed: [...new Set(cols.productId.filter((_, i) => !cols.met[i]))], intervalMs: INLINE_RECOMPUTE_MIN_INTERVAL_MS },
    }).catch((e) => console.error("[tessera] inline status recompute failed:", e));
  return { received: items.length, accepted, duplicates: cols.sloId.length - accepted, rejected };
}
