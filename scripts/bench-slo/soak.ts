// npm run soak: 10 connections for 5 minutes (SOAK_SECONDS) mixing reads (impact API, metrics,
// health) and measurement ingestion, with a PostgreSQL restart in the middle. Loopback only.
// Clients retry failed batches with the same idempotency keys. Checks: the app recovers by itself,
// no 5xx outside the restart window, and every acknowledged measurement is stored exactly once.
import pg from "pg";
import { createToken, ensureCatalog, loadAverage, openDb, say, startApp } from "./setup";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const CONNECTIONS = 10;
const BATCH = 100;
const GRACE_MS = 15_000;

async function main() {
  const db = await openDb();
  let stopApp = async () => {};
  try {
    await ensureCatalog(db.url, Number(process.env.BENCH_PRODUCTS ?? 10_000));
    const { token, teamId } = await createToken(db.url);
    const c0 = new pg.Client({ connectionString: db.url });
    await c0.connect();
    const keys = (await c0.query(`SELECT p.key FROM "DataProduct" p WHERE p."teamId" = $1 AND EXISTS (SELECT 1 FROM "Slo" s WHERE s."productId" = p.id) ORDER BY p.key LIMIT 100`, [teamId])).rows.map((r) => r.key as string);
    await c0.end();
    const app = await startApp(db.url);
    stopApp = app.stop;
    const run = `soak-${Date.now().toString(36)}`;
    const auth = { authorization: `Bearer ${token}` };
    const acked = new Map<string, string>(); // idempotencyKey -> product key
    const stats = { reads: 0, batches: 0, retries: 0, s5xx: 0, s5xxOutside: 0, networkErrors: 0 };
    const fault: { window: { from: number; to: number } | null } = { window: null };
    const outside = (t: number) => !fault.window || t < fault.window.from || t > fault.window.to + GRACE_MS;
    const end = Date.now() + SECONDS * 1000;
    let seq = 0;

    const t0 = Date.now();
    const faults = (async () => {
      await new Promise((r) => setTimeout(r, (SECONDS * 1000) / 2));
      const from = Date.now();
      fault.window = { from, to: Number.POSITIVE_INFINITY };
      say("restarting PostgreSQL...");
      await db.restart();
      fault.window.to = Date.now();
      say(`PostgreSQL back after ${((fault.window.to - from) / 1000).toFixed(1)} s (at ${((from - t0) / 1000).toFixed(0)} s)`);
    })();

    const outsideLog: string[] = [];
    const record = (status: number, t: number, what: string) => {
      if (status >= 500) {
        stats.s5xx++;
        if (outside(t)) {
          stats.s5xxOutside++;
          if (outsideLog.length < 10) outsideLog.push(`${((t - t0) / 1000).toFixed(1)} s ${what} ${status}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, async (_, worker) => {
      while (Date.now() < end) {
        if (worker % 2 === 0) {
          const key = keys[(seq++) % keys.length]!;
          const path = seq % 3 === 0 ? "/api/metrics" : seq % 3 === 1 ? `/api/v1/products/${key}/impact` : "/api/health";
          try {
            const r = await fetch(`${app.base}${path}`, { headers: auth });
            await r.arrayBuffer();
            record(r.status, Date.now(), `GET ${path.replace(key, "{key}")}`);
            stats.reads++;
          } catch {
            stats.networkErrors++;
          }
          continue;
        }
        const b = seq++;
        const items = Array.from({ length: BATCH }, (_, i) => ({ product: keys[(b + i) % keys.length]!, objective: i % 2 ? "COMPLETENESS" : "FRESHNESS", value: i % 2 ? 99.5 : 10, observedAt: new Date().toISOString(), idempotencyKey: `${run}-${b}-${i}` }));
        const body = JSON.stringify({ measurements: items });
        // Retry with the same idempotency keys until acknowledged (bounded by the soak's end + 60 s).
        for (let attempt = 0; Date.now() < end + 60_000; attempt++) {
          if (attempt > 0) {
            stats.retries++;
            await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** attempt)));
          }
          try {
            const r = await fetch(`${app.base}/api/v1/measurements`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body });
            record(r.status, Date.now(), "POST /api/v1/measurements");
            const text = await r.text();
            const j = (r.status === 200 ? JSON.parse(text) : {}) as { accepted?: number; duplicates?: number; rejected?: unknown[] };
            if (r.status === 200 && (j.rejected?.length ?? 0) === 0) {
              for (const it of items) acked.set(it.idempotencyKey, it.product);
              stats.batches++;
              break;
            }
          } catch {
            stats.networkErrors++;
          }
        }
      }
    }));
    await faults;

    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const rows = (await c.query(`SELECT "idempotencyKey" AS k, count(*)::int AS n FROM "SloMeasurement" WHERE "idempotencyKey" LIKE $1 GROUP BY 1`, [`${run}-%`])).rows as { k: string; n: number }[];
    // The catalog-wide status pass (every product) must have run again after the restart.
    const since = new Date(fault.window?.to ?? Date.now()).toISOString();
    const pass = (await c.query(`SELECT count(*) FILTER (WHERE "statusComputedAt" > $1::timestamptz AT TIME ZONE 'UTC')::int AS after, count(*)::int AS n FROM "DataProduct"`, [since])).rows[0] as { after: number; n: number };
    await c.end();
    const stored = new Map(rows.map((r) => [r.k, r.n]));
    const missing = [...acked.keys()].filter((k) => !stored.has(k)).length;
    const dup = rows.filter((r) => r.n > 1).length;
    const health = await fetch(`${app.base}/api/health`);
    console.log(`\nSOAK  ${SECONDS} s, ${CONNECTIONS} connections, PostgreSQL restarted at the midpoint (window ${fault.window ? ((fault.window.to - fault.window.from) / 1000).toFixed(1) : "?"} s + ${GRACE_MS / 1000} s grace)`);
    console.log(`      reads ${stats.reads}, batches acknowledged ${stats.batches} (${acked.size} measurements), retries ${stats.retries}, network errors ${stats.networkErrors}`);
    console.log(`      5xx total ${stats.s5xx}, outside the restart window ${stats.s5xxOutside}`);
    console.log(`      acknowledged and stored: ${acked.size - missing}; acknowledged but missing: ${missing}; stored more than once: ${dup}; stored in all: ${rows.length}`);
    console.log(`      app healthy after the restart without being restarted: ${health.status === 200 ? "yes" : `no (${health.status})`}`);
    const resumed = pass.after >= pass.n * 0.95;
    console.log(`      catalog-wide status pass ran again after the restart: ${resumed ? "yes" : "no"} (${pass.after} of ${pass.n} products evaluated since)`);
    if (outsideLog.length) console.log(`      5xx outside the window (first ${outsideLog.length}): ${outsideLog.join("; ")}`);
    console.log(`      load average at the end ${loadAverage()}`);
    const ok = stats.s5xxOutside === 0 && missing === 0 && dup === 0 && health.status === 200 && resumed;
    console.log(`      ${ok ? "PASS" : "FAIL"}`);
    const errors = ((app as unknown as { log: string }).log ?? "").split("\n").filter((l) => /error/i.test(l));
    console.log(`      app log lines mentioning errors: ${errors.length}${errors.length ? `; last: ${errors.slice(-5).join(" | ").slice(0, 1500)}` : ""}`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await stopApp();
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
