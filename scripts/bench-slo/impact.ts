// npm run bench:impact: impact analysis on a 10k-product graph with ~30k edges. The service
// (lib/server/services/topology/get-impact: recursive CTE + two lookups + the pure BFS) is timed
// in-process on the worst hubs, then GET /api/v1/products/{key}/impact through the HTTP API.
import pg from "pg";
import { createToken, ensureCatalog, openDb, say, startApp, percentile } from "./setup";

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
        reached = Math.max(reached, r.products.length);
      }
    }
    service.sort((a, b) => a - b);
    const { getDb } = await import("../../lib/server/db/client");
    await getDb().$disconnect();

    const { token } = await createToken(db.url);
    const app = await startApp(db.url);
    stopApp = app.stop;
    const get = (key: string) => fetch(`${app.base}/api/v1/products/${key}/impact`, { headers: { authorization: `Bearer ${token}` } });
    for (const h of hubs) await (await get(h.key)).arrayBuffer();
    const api: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      for (const h of hubs) {
        const t = performance.now();
        const r = await get(h.key);
        await r.arrayBuffer();
        if (r.status !== 200) throw new Error(`impact API answered ${r.status}`);
        api.push(performance.now() - t);
      }
    }
    api.sort((a, b) => a - b);
    const sp95 = percentile(service, 95);
    const ap95 = percentile(api, 95);
    console.log(`\nIMPACT  graph ${counts.products} products / ${counts.edges} edges; worst hub reaches ${reached} products; ${service.length} queries`);
    console.log(`        hub query (service, in-process): p50 ${percentile(service, 50).toFixed(1)} ms, p95 ${sp95.toFixed(1)} ms  (target <= 50 ms: ${sp95 <= 50 ? "MET" : "NOT MET"})`);
    console.log(`        API GET /api/v1/products/{key}/impact: p50 ${percentile(api, 50).toFixed(1)} ms, p95 ${ap95.toFixed(1)} ms  (target <= 250 ms: ${ap95 <= 250 ? "MET" : "NOT MET"})`);
  } finally {
    await stopApp();
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
