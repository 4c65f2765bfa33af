// npm run bench:impact: impact analysis on a 10k-product graph with ~30k edges. The service
// (lib/server/services/topology/get-impact: recursive CTE + two lookups + the pure BFS) is timed
// in-process on the worst hubs, then GET /api/v1/products/{key}/impact through the HTTP API.
import pg from "pg";
import { createToken, ensureCatalog, jsonOf, loadAverage, openDb, say, startApp, percentile } from "./setup";

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

async function main() {
  const db = await openDb();
  let stopApp = async () => {};
  try {
    const counts = await ensureCatalog(db.url, PRODUCTS);
    say(`catalog: ${counts.products} products, ${counts.edges} edges`);
    process.env.DATABASE_URL = db.url;
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    // Worst hubs: the products with the largest downstream closure (candidates: most direct dependents).
    const candidates = (await c.query(`SELECT "upstreamProductId" AS id FROM "Dependency" WHERE "upstreamProductId" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 30`)).rows.map((r) => r.id as string);
    const sized: { key: string; n: number }[] = [];
    for (const id of candidates) {
      const r = await c.query(`WITH RECURSIVE reach(id) AS (SELECT $1::text UNION SELECT d."downstreamId" FROM "Dependency" d JOIN reach r ON d."upstreamProductId" = r.id)
        SELECT (SELECT key FROM "DataProduct" WHERE id = $1) AS key, count(*)::int - 1 AS n FROM reach`, [id]);
      sized.push(r.rows[0]);
    }
    sized.sort((a, b) => b.n - a.n);
    const hubs = sized.slice(0, 5);
    say(`worst hubs: ${hubs.map((h) => `${h.key} (${h.n} downstream)`).join(", ")}`);
    await c.end();

    const { getImpact } = await import("../../lib/server/services/topology/get-impact");
    const { makeCtx } = await import("../../lib/server/auth/context");
    const ctx = makeCtx({ kind: "system", label: "bench" });
    for (const h of hubs) await getImpact(ctx, h.key); // warm-up
    const service: number[] = [];
    let reached = 0;
    for (let i = 0; i < RUNS; i++) {
      for (const h of hubs) {
        const t = performance.now();
        const r = await getImpact(ctx, h.key);
        service.push(performance.now() - t);
        reached = Math.max(reached, r.totals.products);
      }
    }
    service.sort((a, b) => a - b);
    // After a graph change (the version moves) the next call reloads the snapshot.
    const reload: number[] = [];
    const bump = new pg.Client({ connectionString: db.url });
    await bump.connect();
    for (let i = 0; i < 5; i++) {
      await bump.query(`UPDATE "TopologyVersion" SET version = version + 1 WHERE id = 1`);
      const t = performance.now();
      await getImpact(ctx, hubs[0]!.key);
      reload.push(performance.now() - t);
    }
    await bump.end();
    reload.sort((a, b) => a - b);
    const { getDb } = await import("../../lib/server/db/client");
    await getDb().$disconnect();

    const { token } = await createToken(db.url);
    const app = await startApp(db.url);
    stopApp = app.stop;
    const get = (key: string) => fetch(`${app.base}/api/v1/products/${key}/impact`, { headers: { authorization: `Bearer ${token}` } });
    for (const h of hubs) await jsonOf(await get(h.key), "GET /api/v1/products/{key}/impact");
    const api: number[] = [];
    let bytes = 0;
    const load0 = loadAverage();
    for (let i = 0; i < RUNS; i++) {
      for (const h of hubs) {
        const t = performance.now();
        const r = await get(h.key);
        const body = await r.arrayBuffer();
        if (r.status !== 200) throw new Error(`impact API answered ${r.status}: ${Buffer.from(body).toString("utf8").slice(0, 300)}`);
        api.push(performance.now() - t);
        bytes = Math.max(bytes, body.byteLength);
      }
    }
    api.sort((a, b) => a - b);
    const sp95 = percentile(service, 95);
    const ap95 = percentile(api, 95);
    console.log(`\nIMPACT  graph ${counts.products} products / ${counts.edges} edges; worst hub reaches ${reached} products; ${service.length} queries`);
    console.log(`        hub query (service, in-process): p50 ${percentile(service, 50).toFixed(1)} ms, p95 ${sp95.toFixed(1)} ms  (target <= 50 ms: ${sp95 <= 50 ? "MET" : "NOT MET"})`);
    console.log(`        first call after a graph change (snapshot reload): p50 ${percentile(reload, 50).toFixed(1)} ms, max ${reload[reload.length - 1]!.toFixed(1)} ms`);
    console.log(`        API GET /api/v1/products/{key}/impact (first page of 100, totals, all teams; ${(bytes / 1024).toFixed(0)} kB): p50 ${percentile(api, 50).toFixed(1)} ms, p95 ${ap95.toFixed(1)} ms  (target <= 250 ms: ${ap95 <= 250 ? "MET" : "NOT MET"})`);
    console.log(`        load average before the API run ${load0}, after ${loadAverage()}`);
  } finally {
    await stopApp();
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
