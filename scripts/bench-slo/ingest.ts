// npm run bench:ingest: measurements per second through POST /api/v1/measurements, 1,000-item
// batches, 8 concurrent clients, on a synthetic catalog (loopback only, bounded in time).
import pg from "pg";
import { cpuNow, createToken, ensureCatalog, jsonOf, loadAverage, openDb, say, startApp, percentile } from "./setup";

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const BATCH = 1000;

async function main() {
  const db = await openDb();
  const app = { stop: async () => {} } as { stop: () => Promise<void>; base?: string; pid?: number };
  try {
    const counts = await ensureCatalog(db.url, PRODUCTS);
    say(`catalog: ${counts.products} products, ${counts.edges} edges`);
    const { token, teamId } = await createToken(db.url);
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    c.on("error", () => {});
    const keys = (await c.query(`SELECT p.key FROM "DataProduct" p WHERE p."teamId" = $1 AND EXISTS (SELECT 1 FROM "Slo" s WHERE s."productId" = p.id) ORDER BY p.key LIMIT 200`, [teamId])).rows.map((r) => r.key as string);
    // Every run starts from the same table (the status drain and the minute pass read all of a
    // product's measurements in the window, so rows left by earlier runs would make each run
    // slower than the last); BENCH_KEEP_MEASUREMENTS=1 keeps them to measure a grown table.
    if (process.env.BENCH_KEEP_MEASUREMENTS !== "1") await c.query(`TRUNCATE "SloMeasurement"; TRUNCATE "SloStatusQueue"`);
    // A steady state to measure from: a freshly generated catalog would otherwise be vacuumed and
    // analysed by autovacuum during the run, and the first writes after its load would pay the
    // full-page images of a checkpoint.
    await c.query(`VACUUM ANALYZE`);
    await c.query(`CHECKPOINT`);
    const before = Number((await c.query(`SELECT count(*) FROM "SloMeasurement"`)).rows[0].count);
    say(`${before} measurements in the table before the run`);
    // BENCH_JOBS=off: no status drain or minute pass in the app, to see the write path's own cost.
    Object.assign(app, await startApp(db.url, process.env.BENCH_JOBS === "off" ? { TESSERA_JOBS: "off" } : {}));
    say(`app on ${app.base}; ${keys.length} products of the token's team; ${CONCURRENCY} clients x ${BATCH}-item batches for ${SECONDS} s`);
    const run = Date.now().toString(36);
    let seq = 0;
    const batch = () => {
      const b = seq++;
      const t0 = Date.now();
      return JSON.stringify({
        measurements: Array.from({ length: BATCH }, (_, i) => {
          const n = b * BATCH + i;
          return { product: keys[n % keys.length], objective: Math.floor(n / keys.length) % 2 ? "COMPLETENESS" : "FRESHNESS", value: Math.floor(n / keys.length) % 2 ? 99.5 : 10, observedAt: new Date(t0 - (n % 600) * 1000).toISOString(), idempotencyKey: `${run}-${n}` };
        }),
      });
    };
    const send = (body: string) => fetch(`${app.base}/api/v1/measurements`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body });
    // Warm-up, not counted: compiles the route, fills the pools and lets V8 optimise the hot path
    // under the full load (a few batches are not enough), BENCH_WARMUP_SECONDS (default 5).
    const warmEnd = Date.now() + Number(process.env.BENCH_WARMUP_SECONDS ?? 5) * 1000;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      do {
        const r = await send(batch());
        const j = await jsonOf<{ accepted?: number }>(r, "POST /api/v1/measurements");
        if (r.status !== 200 || j.accepted !== BATCH) throw new Error(`warm-up batch answered ${r.status}: ${JSON.stringify(j).slice(0, 300)}`);
      } while (Date.now() < warmEnd);
    }));
    // The bodies are built before the clock starts (enough for 75,000/s), so the load generator's
    // own CPU, on the same two cores, goes to sending them; more are built on the fly if needed.
    const ready = Array.from({ length: Math.ceil((SECONDS * 75_000) / BATCH) }, batch);
    const nextBody = () => ready.pop() ?? batch();
    say(`${ready.length} request bodies prepared`);
    const load0 = loadAverage();
    const wal = async () => BigInt((await c.query(`SELECT wal_bytes::text AS b FROM pg_stat_wal`)).rows[0].b as string);
    const wal0 = await wal();
    // BENCH_STATEMENTS=1: PostgreSQL's time per statement (needs pg_stat_statements preloaded).
    if (process.env.BENCH_STATEMENTS === "1") await c.query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()`);
    const lsn0 = (await c.query(`SELECT pg_current_wal_lsn()::text AS l`)).rows[0].l as string;
    const client0 = process.cpuUsage();
    const cpu0 = cpuNow(app.pid!, db.dataDir);
    let accepted = 0;
    let errors = 0;
    const latencies: number[] = [];
    const end = Date.now() + SECONDS * 1000;
    const start = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const body = nextBody();
        const t = performance.now();
        const r = await send(body);
        const j = await jsonOf<{ accepted?: number }>(r, "POST /api/v1/measurements");
        latencies.push(performance.now() - t);
        if (r.status !== 200) errors++;
        else accepted += j.accepted ?? 0;
      }
    }));
    const secs = (performance.now() - start) / 1000;
    const cpu1 = cpuNow(app.pid!, db.dataDir);
    const client1 = process.cpuUsage(client0);
    const wal1 = await wal();
    if (process.env.BENCH_STATEMENTS === "1") {
      const top = await c.query(`SELECT calls, total_exec_time, total_plan_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS q FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 10`);
      for (const r of top.rows) say(`SQL ${String(r.calls).padStart(7)} calls ${(Number(r.total_exec_time) / Math.max(1, accepted / 1000)).toFixed(2).padStart(7)} ms exec + ${(Number(r.total_plan_time) / Math.max(1, accepted / 1000)).toFixed(2)} ms plan per 1,000  ${r.q}`);
    }
    // BENCH_WAL_STATS=1: what the WAL of the run is made of (record types, full-page images).
    if (process.env.BENCH_WAL_STATS === "1") {
      await c.query(`CREATE EXTENSION IF NOT EXISTS pg_walinspect`);
      const stats = await c.query(`SELECT "resource_manager/record_type" AS t, count, record_size, fpi_size FROM pg_get_wal_stats($1::pg_lsn, pg_current_wal_lsn(), true) WHERE count > 0 ORDER BY record_size + fpi_size DESC LIMIT 12`, [lsn0]);
      for (const r of stats.rows) say(`WAL ${String(r.t).padEnd(28)} ${String(r.count).padStart(9)} records ${(Number(r.record_size) / 1e6).toFixed(1).padStart(8)} MB + FPI ${(Number(r.fpi_size) / 1e6).toFixed(1).padStart(7)} MB`);
    }
    const load1 = loadAverage();
    const stored = Number((await c.query(`SELECT count(*) FROM "SloMeasurement"`)).rows[0].count) - before;
    await c.end();
    latencies.sort((a, b) => a - b);
    const rate = Math.round(accepted / secs);
    console.log(`\nINGEST  ${accepted} measurements acknowledged in ${secs.toFixed(1)} s = ${rate} measurements/s (${CONCURRENCY} clients, ${BATCH}-item batches)`);
    console.log(`        batch latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms; non-200: ${errors}; rows stored (with the warm-up's) ${stored}`);
    const per1000 = (ms: number) => ((ms / Math.max(1, accepted)) * 1000).toFixed(1);
    console.log(`        CPU per 1,000 measurements: app ${per1000(cpu1.app - cpu0.app)} ms + PostgreSQL ${per1000(cpu1.pg - cpu0.pg)} ms (2 cores: ceiling ~${Math.round((2 * 1000 * accepted) / Math.max(1, cpu1.app - cpu0.app + cpu1.pg - cpu0.pg) / 1000) * 1000}/s if nothing else ran)`);
    console.log(`        this load generator's own CPU per 1,000: ${per1000((client1.user + client1.system) / 1000)} ms; WAL per 1,000: ${Math.round(Number(wal1 - wal0) / Math.max(1, accepted))} kB`);
    console.log(`        load average before ${load0}, after ${load1}`);
    console.log(`        target >= 50000/s: ${rate >= 50_000 ? "MET" : "NOT MET"}`);
  } finally {
    await app.stop();
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
