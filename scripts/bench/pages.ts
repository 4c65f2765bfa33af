// npm run bench:pages [-- --seconds 20 --skip-build]
// On the catalog of `npm run bench:data`: the marketplace page and a product page, server-rendered
// HTML under 10 concurrent connections (p50/p95, requests per second), and the SQL statements one
// request of each sends, counted by pg_stat_statements (top-level statements: each is one round
// trip; what runs inside SQL functions is not a round trip).
import os from "node:os";
import pg from "pg";
import { runMain } from "../lib/database";
import { openBenchServer, type BenchDb } from "./bench-db";
import { BENCH_USER } from "./generate-catalog";
import { arg, flag } from "./cli";
import { fmtMs, load } from "./stats";
import { buildApp, signIn, startApp } from "./app-server";
import { measureCpu, postmasterPid } from "./cpu";
import { BENCH_DATA_DIR } from "./bench-db";
import { fromRoot } from "../lib/paths";

/** pg_stat_statements must be preloaded: set it once, restarting a server this script started. */
async function withStatements(db: BenchDb, say: (l: string) => void): Promise<BenchDb | null> {
  const loaded = async (url: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const r = await c.query<{ v: string }>("SELECT current_setting('shared_preload_libraries') AS v");
      if (r.rows[0]!.v.includes("pg_stat_statements")) {
        await c.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        return true;
      }
      await c.query("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
      await c.query("ALTER SYSTEM SET pg_stat_statements.track = 'top'");
      return false;
    } finally {
      await c.end();
    }
  };
  if (await loaded(db.url)) return db;
  if (!db.owned) {
    say("pg_stat_statements is not loaded and the server was started by another process: restart it to count round trips.");
    return null;
  }
  say("restarting the benchmark PostgreSQL to load pg_stat_statements...");
  await db.stop();
  const again = await openBenchServer(say);
  return (await loaded(again.url)) ? again : null;
}

runMain(async () => {
  const seconds = Number(arg("seconds", "20"));
  const say = (l: string) => console.log(l);
  let db = await openBenchServer(say);
  let stopApp = async () => {};
  try {
    const counted = await withStatements(db, say);
    if (counted) db = counted;
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const n = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM "DataProduct"`)).rows[0]!.n);
    if (!n) throw new Error("The benchmark database is empty: run `npm run bench:data -- --products 100000` first.");
    const product = (await c.query<{ key: string }>(
      `SELECT key FROM "DataProduct" WHERE tier = 'GOLD' AND "lifecycleStatus" = 'ACTIVE' ORDER BY "activeSubscriberCount" DESC, key LIMIT 1`,
    )).rows[0]!.key;
    say(`catalog: ${n.toLocaleString("en-US")} products; ${os.cpus().length} CPUs; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);

    await buildApp(db.url, flag("skip-build"), say);
    const app = await startApp(db.url, say);
    stopApp = app.stop;
    const cookie = await signIn(app.port, BENCH_USER.email, BENCH_USER.password);
    const headers = { cookie, accept: "text/html" };
    const pages = [
      { label: "marketplace", path: "/marketplace" },
      { label: "marketplace, searching", path: "/marketplace?q=customer+profile&tier=GOLD" },
      { label: `product page (${product})`, path: `/products/${product}` },
    ];

    // Round trips: one request after a warm-up, statements counted by pg_stat_statements.
    // The app's job queue (pg-boss) polls on its own timer, whatever the requests: its statements
    // (schema pgboss) are listed apart and not counted as the page's round trips.
    const trips = new Map<string, { calls: number; statements: string[]; background: string[] }>();
    for (const p of pages) {
      await load({ port: app.port, paths: [p.path], headers, concurrency: 1, maxRequests: 3, maxMs: 30_000 });
      if (!counted) continue;
      await c.query("SELECT pg_stat_statements_reset()");
      const r = await load({ port: app.port, paths: [p.path], headers, concurrency: 1, maxRequests: 1, maxMs: 30_000 });
      if (r.errors) throw new Error(`${p.path} answered ${[...r.statuses.keys()].join(", ")}`);
      const s = await c.query<{ calls: string; query: string; background: boolean }>(
        `SELECT calls, query ~ '\\mpgboss\\.' AS background, regexp_replace(left(query, 110), '\\s+', ' ', 'g') AS query FROM pg_stat_statements
          WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND toplevel
            AND query NOT ILIKE '%pg_stat_statements%'
          ORDER BY calls DESC`,
      );
      const own = s.rows.filter((x) => !x.background);
      trips.set(p.label, {
        calls: own.reduce((t, x) => t + Number(x.calls), 0),
        statements: own.map((x) => `${x.calls} x ${x.query}`),
        background: s.rows.filter((x) => x.background).map((x) => `${x.calls} x ${x.query}`),
      });
    }

    say("");
    say(`Pages under 10 concurrent connections for ${seconds} s each (server-rendered HTML, signed in)`);
    for (const p of pages) {
      const pgPid = process.env.BENCH_DATABASE_URL ? undefined : postmasterPid(fromRoot(BENCH_DATA_DIR));
      const cpu = await measureCpu(app.pid, pgPid, () => load({ port: app.port, paths: [p.path], headers, concurrency: 10, maxRequests: 1_000_000, maxMs: seconds * 1000 }));
      const r = cpu.result;
      const t = trips.get(p.label);
      say(`${p.label.padEnd(48)} p50 ${fmtMs(r.p50).padStart(7)}  p95 ${fmtMs(r.p95).padStart(7)}  ${r.rps.toFixed(0).padStart(4)} req/s  n=${r.n}${r.errors ? ` ERRORS ${r.errors}` : ""}  SQL round trips: ${t ? t.calls : "not counted"}`);
      say(`  targets: p95 <= 150 ms ${r.p95 <= 150 ? "met" : "NOT met"}; >= 150 req/s ${r.rps >= 150 ? "met" : "NOT met"}; <= 3 round trips ${t ? (t.calls <= 3 ? "met" : "NOT met") : "?"}`);
      say(`  CPU per request: app ${(cpu.appMs / r.n).toFixed(1)} ms + PostgreSQL ${(cpu.pgMs / r.n).toFixed(1)} ms -> at most ~${Math.floor((os.cpus().length * 1000 * r.n) / Math.max(1, cpu.appMs + cpu.pgMs))} req/s on ${os.cpus().length} idle CPUs`);
      for (const s of t?.statements ?? []) say(`    ${s}`);
      for (const s of t?.background ?? []) say(`    (background job queue, not counted) ${s}`);
    }
    say(`load average after the run: ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    await c.end();
  } finally {
    await stopApp();
    await db.stop();
  }
});
