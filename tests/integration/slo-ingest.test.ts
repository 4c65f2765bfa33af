import { beforeEach, describe, it, expect } from "vitest";
import pg from "pg";
import { env } from "@/lib/server/env";
import { getDb } from "@/lib/server/db/client";
import { Prisma } from "@/lib/server/db/generated/client";
import { makeCtx } from "@/lib/server/auth/context";
import { ingestMeasurements } from "@/lib/server/services/slo/ingest-measurements";
import { recomputeStatus } from "@/lib/server/services/slo/recompute-status";
import { drainStatusQueue } from "@/lib/server/services/slo/drain-status-queue";
import { updateSlo } from "@/lib/server/services/slo/update-slo";
import { AppError, ForbiddenError, UnauthenticatedError } from "@/lib/server/errors";
import { createProduct, createTeam, createUser, tokenCtx, userCtx } from "./factories";

const now = new Date("2026-03-01T12:00:00Z");
const ago = (min: number) => new Date(now.getTime() - min * 60_000).toISOString();

async function productWithSlos(opts: { tier?: "BRONZE" | "SILVER" | "GOLD"; domainSlug?: string; topic?: string } = {}) {
  const owner = await createUser();
  const team = await createTeam({ owner });
  const product = await createProduct({ team, ...opts });
  await getDb().slo.createMany({
    data: [
      { productId: product.id, objective: "FRESHNESS", threshold: 60, cadenceMinutes: 60 },
      { productId: product.id, objective: "COMPLETENESS", threshold: 99, cadenceMinutes: 60 },
    ],
  });
  return { owner, team, product, token: await storedToken(team.id, now) };
}
async function storedToken(teamId: string, at = now) {
  const t = await getDb().apiToken.create({ data: { teamId, name: "ci", prefix: "test", tokenHash: `h-${Math.random()}`, scopes: ["MEASUREMENTS_WRITE"] } });
  return makeCtx({ kind: "token", tokenId: t.id, teamId, scopes: ["MEASUREMENTS_WRITE"], label: "ci" }, { now: at });
}
// Each test starts with an empty status queue (tests of a file share one database).
beforeEach(async () => {
  await getDb().sloStatusQueue.deleteMany();
});

/** Runs `fn` with a second connection inside an open transaction (`fn` commits it, or it is dropped). */
async function inOtherTransaction(fn: (c: pg.Client) => Promise<void>) {
  const c = new pg.Client({ connectionString: env().DATABASE_URL });
  await c.connect();
  try {
    await c.query("BEGIN");
    await fn(c);
  } finally {
    await c.end();
  }
}

/** Waits (up to 5 s) for a statement blocked on a lock that matches `condition`; returns how many are. */
async function waitUntilBlocked(condition: Prisma.Sql): Promise<number> {
  // Asked through the app's pool, outside any open transaction: pg_stat_activity is read once per transaction.
  const count = async () => (await getDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND ${condition}`)[0]!.n;
  for (let i = 0; i < 200 && (await count()) === 0; i++) await new Promise((r) => setTimeout(r, 25));
  return count();
}

const m = (product: string, objective: string, value: number, minutesAgo: number, key: string) => ({ product, objective, value, observedAt: ago(minutesAgo), idempotencyKey: key });

describe("measurement ingestion", () => {
  it("stores idempotency keys exactly as sent, whatever characters they hold", async () => {
    const { product, token } = await productWithSlos();
    const keys = ['a"b', "back\\slash", "{,}", "NULL", " spaced ", "ü-€-😀", "x'y;--"];
    const r = await ingestMeasurements({ ctx: token, input: { measurements: keys.map((k, i) => m(product.key, "COMPLETENESS", 99 + i / 10, 5, k)) } });
    expect(r).toMatchObject({ accepted: keys.length, duplicates: 0, rejected: [] });
    const rows = await getDb().sloMeasurement.findMany({ where: { productId: product.id }, select: { idempotencyKey: true, value: true } });
    expect(rows.map((x) => x.idempotencyKey).sort()).toEqual([...keys].sort());
    expect(rows.find((x) => x.idempotencyKey === "NULL")!.value).toBeCloseTo(99.3);
  });

  it("stores measurements under (product, idempotency key) and leaves no orphans when a product is deleted outside the services", async () => {
    const { product, token } = await productWithSlos();
    const other = await productWithSlos();
    await ingestMeasurements({ ctx: token, input: { measurements: [m(product.key, "FRESHNESS", 5, 10, "k1"), m(product.key, "COMPLETENESS", 100, 10, "k2")] } });
    await ingestMeasurements({ ctx: other.token, input: { measurements: [m(other.product.key, "FRESHNESS", 5, 10, "k1")] } });
    // The same key under another product is another measurement: the key is unique per product.
    expect(await getDb().sloMeasurement.count({ where: { idempotencyKey: "k1", productId: { in: [product.id, other.product.id] } } })).toBe(2);
    // No foreign key any more: the trigger on Slo removes the measurements when a product goes by SQL.
    await getDb().$executeRaw`DELETE FROM "DataProduct" WHERE id = ${product.id}`;
    expect(await getDb().sloMeasurement.count({ where: { productId: product.id } })).toBe(0);
    expect(await getDb().sloMeasurement.count({ where: { productId: other.product.id } })).toBe(1);
  });

  it("stores the good items, reports the bad ones per item, and is idempotent", async () => {
    const { product, token } = await productWithSlos();
    const batch = {
      measurements: [
        m(product.key, "FRESHNESS", 5, 10, "f1"),
        m(product.key, "COMPLETENESS", 99.5, 10, "c1"),
        { product: product.key, objective: "COMPLETENESS", value: "high", observedAt: ago(5), idempotencyKey: "bad1" },
        m("no.such.gold", "FRESHNESS", 5, 10, "x1"),
        m(product.key, "ACCURACY", 99, 10, "a1"),
        m(product.key, "FRESHNESS", 5, 10, "f1"),
      ],
    };
    const r = await ingestMeasurements({ ctx: token, input: batch });
    expect(r).toMatchObject({ received: 6, accepted: 2, duplicates: 1 });
    expect(r.rejected.map((e) => [e.index, e.code])).toEqual([[2, "invalid"], [3, "not_found"], [4, "no_objective"]]);
    const again = await ingestMeasurements({ ctx: token, input: batch });
    expect(again).toMatchObject({ accepted: 0, duplicates: 3 });
    expect(await getDb().sloMeasurement.count({ where: { productId: product.id } })).toBe(2);
    expect(await getDb().auditLog.count({ where: { action: "measurement.ingest", teamId: product.teamId } })).toBe(2);
  });

  it("counts a key that a concurrent request stored meanwhile as a duplicate, and keys repeated in a batch once", async () => {
    const { product, token } = await productWithSlos();
    const slo = await getDb().slo.findFirstOrThrow({ where: { productId: product.id, objective: "FRESHNESS" } });
    // Another writer has inserted the item with key "race" but not committed: the batch's INSERT
    // waits on the primary key, then skips the item when the other commits.
    await inOtherTransaction(async (other) => {
      await other.query(`INSERT INTO "SloMeasurement" ("sloId", "productId", value, met, "observedAt", "idempotencyKey") VALUES ($1, $2, 5, true, $3::timestamptz AT TIME ZONE 'UTC', 'race')`, [slo.id, product.id, ago(10)]);
      const pending = ingestMeasurements({ ctx: token, input: { measurements: [m(product.key, "FRESHNESS", 7, 10, "race"), m(product.key, "FRESHNESS", 8, 10, "fresh"), m(product.key, "FRESHNESS", 9, 10, "fresh")] } });
      expect(await waitUntilBlocked(Prisma.sql`query LIKE '%tessera_store_measurements%'`)).toBe(1);
      await other.query("COMMIT");
      expect(await pending).toMatchObject({ received: 3, accepted: 1, duplicates: 2, rejected: [] });
    });
    const rows = await getDb().sloMeasurement.findMany({ where: { productId: product.id }, orderBy: { idempotencyKey: "asc" } });
    expect(rows.map((r) => [r.idempotencyKey, r.value])).toEqual([["fresh", 8], ["race", 5]]);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "measurement.ingest", productId: product.id } });
    expect(audit.after).toMatchObject({ received: 3, stored: 1, duplicates: 2, rejected: 0, products: 1 });
    expect(audit.actorTokenId).toBe(token.actor.kind === "token" ? token.actor.tokenId : null);
  });

  it("stores nothing for an objective whose deletion commits while the batch waits for the objectives lock", async () => {
    const { product, token } = await productWithSlos();
    const freshness = await getDb().slo.findFirstOrThrow({ where: { productId: product.id, objective: "FRESHNESS" } });
    // A publish removing FRESHNESS (sync-slos) holds the lock exclusive and has deleted the row.
    await inOtherTransaction(async (publish) => {
      await publish.query(`SELECT pg_advisory_xact_lock(hashtext('tessera.slo-objectives'))`);
      await publish.query(`DELETE FROM "Slo" WHERE id = $1`, [freshness.id]);
      // The batch was looked up before the deletion: both objectives still exist for it.
      const pending = ingestMeasurements({ ctx: token, input: { measurements: [m(product.key, "FRESHNESS", 5, 10, "f"), m(product.key, "COMPLETENESS", 100, 10, "c")] } });
      expect(await waitUntilBlocked(Prisma.sql`wait_event = 'advisory'`)).toBe(1);
      await publish.query("COMMIT");
      expect(await pending).toMatchObject({ received: 2, accepted: 1, duplicates: 1 });
    });
    const rows = await getDb().sloMeasurement.findMany({ where: { productId: product.id } });
    expect(rows.map((r) => r.idempotencyKey)).toEqual(["c"]);
  });

  it("refuses a foreign team's token, a token without the scope, and anonymous callers", async () => {
    const { product } = await productWithSlos();
    const other = await createTeam();
    const input = { measurements: [m(product.key, "FRESHNESS", 5, 10, "k")] };
    await expect(ingestMeasurements({ ctx: tokenCtx(other.id, ["MEASUREMENTS_WRITE"]), input })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(ingestMeasurements({ ctx: tokenCtx(product.teamId, ["READ", "CONTRACTS_WRITE"]), input })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(ingestMeasurements({ ctx: makeCtx({ kind: "anonymous" }), input })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(ingestMeasurements({ ctx: await userCtx(await createUser()), input })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getDb().sloMeasurement.count({ where: { productId: product.id } })).toBe(0);
  });

  it("refuses more than 5,000 items with 413", async () => {
    const { product, token } = await productWithSlos();
    const measurements = Array.from({ length: 5001 }, (_, i) => m(product.key, "FRESHNESS", 5, 10, `k${i}`));
    await expect(ingestMeasurements({ ctx: token, input: { measurements } })).rejects.toMatchObject({ status: 413 });
    await expect(ingestMeasurements({ ctx: token, input: { measurements } })).rejects.toBeInstanceOf(AppError);
  });

  it("queues the product instead of recomputing in the request; the drain turns it RED, its HARD downstream AT RISK, SOFT downstream degraded", async () => {
    const up = await productWithSlos({ tier: "SILVER", topic: "stock" });
    const downTeam = await createTeam();
    const hard = await createProduct({ team: downTeam, tier: "GOLD", topic: "hard" });
    const soft = await createProduct({ team: downTeam, tier: "GOLD", topic: "soft" });
    await getDb().dependency.createMany({ data: [
      { downstreamId: hard.id, upstreamProductId: up.product.id, kind: "HARD" },
      { downstreamId: soft.id, upstreamProductId: up.product.id, kind: "SOFT" },
    ] });
    await ingestMeasurements({ ctx: up.token, input: { measurements: [m(up.product.key, "FRESHNESS", 5, 5, "g1"), m(up.product.key, "COMPLETENESS", 100, 5, "g2")] } });
    const db = getDb();
    // Nothing is evaluated in the request: the product waits in the queue, once, unmissed.
    expect((await db.dataProduct.findUniqueOrThrow({ where: { id: up.product.id } })).sloStatus).toBe("UNKNOWN");
    expect(await db.sloStatusQueue.findMany({ select: { productId: true, missed: true } })).toEqual([{ productId: up.product.id, missed: false }]);
    expect(await drainStatusQueue({ now })).toMatchObject({ queued: 1, products: 1 });
    expect(await db.sloStatusQueue.count()).toBe(0);
    expect((await db.dataProduct.findUniqueOrThrow({ where: { id: up.product.id } })).sloStatus).toBe("GREEN");
    await ingestMeasurements({ ctx: up.token, input: { measurements: [m(up.product.key, "FRESHNESS", 500, 1, "r1")] } });
    expect((await db.sloStatusQueue.findUniqueOrThrow({ where: { productId: up.product.id } })).missed).toBe(true);
    expect((await db.dataProduct.findUniqueOrThrow({ where: { id: up.product.id } })).sloStatus).toBe("GREEN");
    await drainStatusQueue({ now });
    expect((await db.dataProduct.findUniqueOrThrow({ where: { id: up.product.id } })).sloStatus).toBe("RED");
    expect(await db.dataProduct.findUniqueOrThrow({ where: { id: hard.id } })).toMatchObject({ atRisk: true, degraded: false });
    expect(await db.dataProduct.findUniqueOrThrow({ where: { id: soft.id } })).toMatchObject({ atRisk: false, degraded: true });
    const changes = await db.statusChange.findMany({ where: { productId: up.product.id, objective: null }, orderBy: { id: "asc" } });
    expect(changes.map((c) => `${c.fromStatus}->${c.toStatus}`)).toEqual(["UNKNOWN->GREEN", "GREEN->RED"]);
  });

  it("the job ages freshness with the clock and goes UNKNOWN when reporting stops", async () => {
    const { product, token } = await productWithSlos();
    await ingestMeasurements({ ctx: token, input: { measurements: [m(product.key, "FRESHNESS", 5, 5, "a"), m(product.key, "COMPLETENESS", 100, 5, "b")] } });
    await drainStatusQueue({ now });
    const slo = () => getDb().slo.findFirstOrThrow({ where: { productId: product.id, objective: "FRESHNESS" } });
    expect((await slo()).status).toBe("GREEN");
    await recomputeStatus({ now: new Date(now.getTime() + 90 * 60_000) });
    expect((await slo()).status).toBe("RED");
    expect((await slo()).currentValue).toBeCloseTo(100, 5);
    await recomputeStatus({ now: new Date(now.getTime() + 200 * 60_000) });
    expect((await slo()).status).toBe("UNKNOWN");
    expect((await getDb().dataProduct.findUniqueOrThrow({ where: { id: product.id } })).sloStatus).toBe("UNKNOWN");
  });

  it("lets a member adjust target, window and cadence; refuses outsiders; recomputes", async () => {
    const { product, owner } = await productWithSlos();
    const outsider = await createUser();
    const input = { product: product.key, objective: "COMPLETENESS", targetPercent: 95, windowDays: 7, cadenceMinutes: 1440 };
    await expect(updateSlo({ ctx: await userCtx(outsider), input })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateSlo({ ctx: tokenCtx(product.teamId, ["MEASUREMENTS_WRITE", "CONTRACTS_WRITE", "READ", "SUBSCRIPTIONS_WRITE", "LINEAGE_WRITE"]), input })).rejects.toBeInstanceOf(ForbiddenError);
    const r = await updateSlo({ ctx: await userCtx(owner, now), input });
    expect(r).toMatchObject({ targetPercent: 95, windowDays: 7, cadenceMinutes: 1440 });
    expect(await getDb().auditLog.count({ where: { action: "slo.update", productId: product.id } })).toBe(1);
  });
});

describe("the status queue under a stream of batches", () => {
  it("coalesces batches per product, holds a GREEN product getting only met measurements for 5 s, takes a miss at once", async () => {
    const { product } = await productWithSlos();
    const other = await productWithSlos();
    const at = (ms: number) => storedToken(product.teamId, new Date(now.getTime() + ms));
    const when = (ms: number) => new Date(now.getTime() + ms);
    const db = getDb();
    for (const k of ["a", "b", "c"]) await ingestMeasurements({ ctx: await at(0), input: { measurements: [m(product.key, "FRESHNESS", 5, 1, `f${k}`), m(product.key, "COMPLETENESS", 100, 1, `c${k}`)] } });
    await ingestMeasurements({ ctx: other.token, input: { measurements: [m(other.product.key, "COMPLETENESS", 100, 1, "o")] } });
    expect(await db.sloStatusQueue.count()).toBe(2);
    expect(await drainStatusQueue({ now: when(0) })).toMatchObject({ queued: 2, products: 2 });
    const computedAt = async () => (await db.dataProduct.findUniqueOrThrow({ where: { id: product.id } })).statusComputedAt!.getTime();
    expect((await db.dataProduct.findUniqueOrThrow({ where: { id: product.id } })).sloStatus).toBe("GREEN");
    await ingestMeasurements({ ctx: await at(2000), input: { measurements: [m(product.key, "COMPLETENESS", 100, 0, "d")] } });
    expect(await drainStatusQueue({ now: when(2000) })).toMatchObject({ queued: 0 });
    expect(await computedAt()).toBe(now.getTime());
    expect(await db.sloStatusQueue.count()).toBe(1);
    // Past the interval the held product is taken.
    expect(await drainStatusQueue({ now: when(5001) })).toMatchObject({ queued: 1 });
    expect(await computedAt()).toBe(now.getTime() + 5001);
    await ingestMeasurements({ ctx: await at(6000), input: { measurements: [m(product.key, "COMPLETENESS", 50, 0, "e")] } });
    expect(await drainStatusQueue({ now: when(6000) })).toMatchObject({ queued: 1 });
    expect(await computedAt()).toBe(now.getTime() + 6000);
    expect((await db.slo.findFirstOrThrow({ where: { productId: product.id, objective: "COMPLETENESS" } })).status).toBe("AMBER");
  });

  it("stores observedAt given with an offset as the same instant, and rejects a year PostgreSQL cannot store", async () => {
    const { product, token } = await productWithSlos();
    const r = await ingestMeasurements({ ctx: token, input: { measurements: [
      { product: product.key, objective: "COMPLETENESS", value: 100, observedAt: "2026-03-01T13:30:00+02:00", idempotencyKey: "tz" },
      { product: product.key, objective: "COMPLETENESS", value: 100, observedAt: "2026-02-29T10:00:00Z", idempotencyKey: "feb29" },
      { product: product.key, objective: "COMPLETENESS", value: 100, observedAt: "0000-01-01T00:00:00Z", idempotencyKey: "year0" },
      { product: product.key, objective: "COMPLETENESS", value: 100, observedAt: "2026-01-31T10:00:00.5Z", idempotencyKey: "jan31", extra: 1 },
      { product: product.key, objective: "COMPLETENESS", value: 100, observedAt: "2026-01-31T10:00:00.5Z", idempotencyKey: "jan31" },
    ] } });
    expect(r.rejected.map((e) => [e.index, e.code])).toEqual([[1, "invalid"], [2, "invalid"], [3, "invalid"]]);
    const rows = await getDb().sloMeasurement.findMany({ where: { productId: product.id }, orderBy: { observedAt: "asc" } });
    expect(rows.map((x) => [x.idempotencyKey, x.observedAt.toISOString()])).toEqual([["jan31", "2026-01-31T10:00:00.500Z"], ["tz", "2026-03-01T11:30:00.000Z"]]);
  });
});

describe("the catalog-wide recompute", () => {
  it("runs on one instance per period: a second tick within the lease does nothing; an expired lease is taken", async () => {
    const { runFullRecompute } = await import("@/lib/server/services/slo/run-full-recompute");
    const { product, token } = await productWithSlos();
    await ingestMeasurements({ ctx: token, input: { measurements: [m(product.key, "FRESHNESS", 5, 5, "a"), m(product.key, "COMPLETENESS", 100, 5, "b")] } });
    const first = await runFullRecompute({ now });
    expect(first?.products).toBeGreaterThan(0);
    expect((await getDb().dataProduct.findUniqueOrThrow({ where: { id: product.id } })).sloStatus).toBe("GREEN");
    const lease = await getDb().jobLease.findUniqueOrThrow({ where: { name: "slo.recompute" } });
    expect(lease.until.getTime() - Date.now()).toBeGreaterThan(40_000); // about a minute after the start
    expect(await runFullRecompute({ now: new Date(now.getTime() + 90 * 60_000) })).toBeNull();
    expect((await getDb().dataProduct.findUniqueOrThrow({ where: { id: product.id } })).sloStatus).toBe("GREEN");
    await getDb().jobLease.update({ where: { name: "slo.recompute" }, data: { until: new Date(Date.now() - 1000) } });
    expect(await runFullRecompute({ now: new Date(now.getTime() + 90 * 60_000) })).not.toBeNull();
    expect((await getDb().dataProduct.findUniqueOrThrow({ where: { id: product.id } })).sloStatus).toBe("RED");
  });
});

describe("retention", () => {
  it("creates monthly partitions, drops whole months past the retention, and moves rows out of the default partition", async () => {
    const { maintainMeasurementPartitions } = await import("@/lib/server/services/slo/maintain-measurement-partitions");
    const { product, token } = await productWithSlos();
    const at = (observedAt: string, key: string) => ({ product: product.key, objective: "COMPLETENESS", value: 100, observedAt, idempotencyKey: key });
    const placed = async () => (await getDb().$queryRaw<{ k: string; part: string }[]>`
      SELECT "idempotencyKey" AS k, tableoid::regclass::text AS part FROM "SloMeasurement" WHERE "productId" = ${product.id} ORDER BY "observedAt"`).map((r) => `${r.k}:${r.part.replaceAll('"', "")}`);
    const retention = (days: number) => getDb().platformSetting.upsert({ where: { key: "slo.retentionDays" }, update: { value: days }, create: { key: "slo.retentionDays", value: days } });
    try {
      // Default retention (400 days) as of 2026-03-01: January 2025 to May 2026 exist.
      const first = await maintainMeasurementPartitions({ now });
      expect(first).toMatchObject({ retentionDays: 400, dropped: [] });
      await ingestMeasurements({ ctx: token, input: { measurements: [at("2024-06-15T10:00:00Z", "jun24"), at("2025-12-21T10:00:00Z", "dec25"), at("2026-03-01T10:00:00Z", "mar26")] } });
      expect(await placed()).toEqual(["jun24:SloMeasurement_default", "dec25:SloMeasurement_2025_12", "mar26:SloMeasurement_2026_03"]);

      // 30 days: the cutoff is 2026-01-30, so every month before January 2026 goes whole (retention
      // is applied by months), and the default partition loses its rows older than the cutoff.
      await retention(30);
      const r = await maintainMeasurementPartitions({ now });
      expect(r).toMatchObject({ retentionDays: 30, created: [] });
      expect(r.dropped).toContain("SloMeasurement_2025_01");
      expect(r.dropped).toContain("SloMeasurement_2025_12");
      expect(r.dropped.every((p) => p < "SloMeasurement_2026_01")).toBe(true);
      expect(r.deletedFromDefault).toBeGreaterThanOrEqual(1);
      expect(await placed()).toEqual(["mar26:SloMeasurement_2026_03"]);
      expect(await maintainMeasurementPartitions({ now })).toMatchObject({ created: [], dropped: [], deletedFromDefault: 0 });

      // A month without a partition fills the default partition; creating the month moves its rows.
      await ingestMeasurements({ ctx: token, input: { measurements: [at("2024-08-10T10:00:00Z", "aug24")] } });
      expect((await placed())[0]).toBe("aug24:SloMeasurement_default");
      const back = await maintainMeasurementPartitions({ now: new Date("2024-08-20T00:00:00Z") });
      expect(back.created).toEqual(["SloMeasurement_2024_07", "SloMeasurement_2024_08", "SloMeasurement_2024_09", "SloMeasurement_2024_10"]);
      expect(await placed()).toEqual(["aug24:SloMeasurement_2024_08", "mar26:SloMeasurement_2026_03"]);
    } finally {
      await getDb().platformSetting.deleteMany({ where: { key: "slo.retentionDays" } });
    }
  });
});

