// Shared setup of the SLO benchmarks: an embedded PostgreSQL on .data/bench-slo (never the demo's
// .data/pg nor the search bench's .data/bench), migrated, filled by the search issue's synthetic
// catalog generator (scripts/bench/generate-catalog.ts) plus cross-family edges up to ~3 per
// product, with one measurements:write token. Idempotent: a filled database is reused.
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { ensureDatabase, startEmbeddedPostgres, freePort } from "../lib/embedded-pg";
import { applyPendingMigrations } from "../lib/migrations";
import { fromRoot } from "../lib/paths";
import { childStopper } from "../lib/child-stop";
import { generateCatalog, BENCH_USER } from "../bench/generate-catalog";
import { postmasterPid, treeCpuMs } from "../bench/cpu";

export const say = (l: string) => console.log(`[bench-slo] ${l}`);

export type BenchDb = { url: string; port: number; dataDir: string; stop: () => Promise<void>; restart: () => Promise<void> };

export async function openDb(): Promise<BenchDb> {
  const dataDir = fromRoot(".data/bench-slo");
  const logFile = path.join(fromRoot(".data"), "bench-slo-postgres.log");
  // A port of our own (not the default 5433 that demo and test runners share).
  let server = await startEmbeddedPostgres({ dataDir, logFile, port: Number(process.env.BENCH_SLO_PG_PORT ?? 0) || (await freePort()), handleSignals: true, say });
  const port = server.port;
  const url = await ensureDatabase(server.url, "tessera_bench_slo");
  await applyPendingMigrations(url);
  return {
    url,
    port,
    dataDir,
    stop: () => server.stop(),
    // Stops PostgreSQL and starts it again on the same port and data (the soak test's fault).
    restart: async () => {
      await server.stop();
      server = await startEmbeddedPostgres({ dataDir, logFile, port, handleSignals: true, say });
    },
  };
}

/** Fills the catalog once (products), then adds DAG edges (upstream ordinal < downstream) with a few hubs. */
export async function ensureCatalog(url: string, products: number, edgesPerProduct = 3): Promise<{ products: number; edges: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const n = Number((await c.query(`SELECT count(*) FROM "DataProduct"`)).rows[0].count);
    if (n === 0) {
      say(`generating a synthetic catalog of ${products} products (scripts/bench/generate-catalog.ts)...`);
      await generateCatalog(c, { products, passwordHash: await hash(BENCH_USER.password), say });
      // Extra edges: each product reads ~edgesPerProduct earlier GOLD products (a DAG); the first
      // 20 GOLD products are hubs that many read, as shared reference data is in real meshes.
      await c.query(`
        WITH gold AS (SELECT id, row_number() OVER (ORDER BY id) AS r FROM "DataProduct" WHERE tier = 'GOLD'),
             total AS (SELECT count(*) AS g FROM gold),
             prod AS (SELECT id, row_number() OVER (ORDER BY id) AS r FROM "DataProduct")
        INSERT INTO "Dependency" (id, "downstreamId", "upstreamProductId", kind, origin)
        SELECT DISTINCT ON (p.id, g.id) 'x' || md5(p.id || g.id), p.id, g.id, (CASE WHEN k % 3 = 0 THEN 'SOFT' ELSE 'HARD' END)::"DependencyKind", 'OBSERVED'
          FROM prod p CROSS JOIN generate_series(1, $1::int) k CROSS JOIN total t
          JOIN gold g ON g.r = CASE WHEN k = 1 THEN 1 + (abs(hashtext(p.id)) % 20) ELSE 1 + (abs(hashtext(p.id || k)) % t.g) END
         WHERE g.id < p.id
        ON CONFLICT DO NOTHING`, [edgesPerProduct]);
      await c.query("ANALYZE");
    }
    const counts = (await c.query(`SELECT (SELECT count(*) FROM "DataProduct")::int AS p, (SELECT count(*) FROM "Dependency")::int AS e`)).rows[0];
    return { products: counts.p, edges: counts.e };
  } finally {
    await c.end();
  }
}

/** A fresh measurements:write + read token for the team owning the most products. */
export async function createToken(url: string): Promise<{ token: string; teamId: string }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const team = (await c.query(`SELECT "teamId" FROM "DataProduct" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows[0].teamId as string;
    const prefix = randomBytes(4).toString("hex");
    const token = `tsr_${prefix}_${randomBytes(24).toString("base64url")}`;
    await c.query(`INSERT INTO "ApiToken" (id, "teamId", name, prefix, "tokenHash", scopes) VALUES ($1, $2, 'bench', $3, $4, ARRAY['MEASUREMENTS_WRITE', 'READ']::"TokenScope"[])`,
      [`bt_${prefix}`, team, prefix, createHash("sha256").update(token).digest("hex")]);
    return { token, teamId: team };
  } finally {
    await c.end();
  }
}

const SOURCES = ["app", "lib", "components", "proxy.ts", "instrumentation.ts", "next.config.js", "package.json", "prisma/schema.prisma"];

/** Newest modification time among the app's sources: a build older than that is stale. */
function newestSource(): number {
  let newest = 0;
  const walk = (p: string) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const s of SOURCES) walk(fromRoot(s));
  return newest;
}

export type App = { base: string; pid: number; stop: () => Promise<void>; child: ChildProcess };

/**
 * Builds the app into NEXT_DIST_DIR (default .next-bench-slo) when there is no build or the sources
 * changed since, then starts `next start` on a free loopback port and waits until *this* child
 * answers /api/health with JSON (a dead child or another server on the port is an error, not a
 * benchmark of the wrong thing).
 */
export async function startApp(url: string, extraEnv: Record<string, string> = {}): Promise<App> {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next-bench-slo";
  const next = fromRoot("node_modules/next/dist/bin/next");
  const secret = randomBytes(32).toString("base64url");
  const env = { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: url, TESSERA_JOBS: "on", TESSERA_API_RATE_LIMIT: "1000000", AUTH_SECRET: secret, NEXTAUTH_SECRET: secret, ...extraEnv } as NodeJS.ProcessEnv;
  const buildId = fromRoot(distDir, "BUILD_ID");
  const built = fs.statSync(buildId, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built < newestSource() || process.env.BENCH_REBUILD === "1") {
    say(built ? `sources changed since the build in ${distDir}: rebuilding (next build)...` : `building the app into ${distDir} (next build)...`);
    const code = await new Promise<number | null>((resolve) => spawn(process.execPath, [next, "build"], { env, stdio: ["ignore", "ignore", "inherit"], cwd: fromRoot() }).on("exit", resolve));
    if (code !== 0) throw new Error("next build failed");
    // next build adds its type folders to tsconfig.json; the checkout must stay clean.
    spawn("git", ["checkout", "--quiet", "tsconfig.json"], { cwd: fromRoot(), stdio: "ignore" });
  }
  const port = await freePort();
  env.PORT = String(port);
  env.NEXTAUTH_URL = `http://127.0.0.1:${port}`;
  // BENCH_APP_NODE_ARGS: node flags for the app only, e.g. "--cpu-prof --cpu-prof-dir=.data/profiles".
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, next, "start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "pipe", "pipe"], cwd: fromRoot() });
  let output = "";
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-20_000);
    if (process.env.BENCH_APP_LOG === "1") process.stderr.write(b);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited = false;
  child.once("exit", () => (exited = true));
  const stop = childStopper(child);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the app exited during start:\n${output}`);
    try {
      const r = await fetch(`${base}/api/health`);
      const type = r.headers.get("content-type") ?? "";
      if (r.status === 200 && type.includes("application/json") && ((await r.json()) as { database?: string }).database === "up") {
        return { base, pid: child.pid!, child, stop, get log() { return output; } } as App;
      }
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`the app did not answer /api/health within 120 s:\n${output}`);
}

/** The body of an API answer as JSON; anything else (an HTML error page, a proxy) is a clear error. */
export async function jsonOf<T>(r: Response, what: string): Promise<T> {
  const text = await r.text();
  if (!(r.headers.get("content-type") ?? "").includes("application/json")) throw new Error(`${what} answered ${r.status} ${r.headers.get("content-type")}, not JSON: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** CPU (ms) used so far by the app's process tree and by every PostgreSQL process of the data folder. */
export function cpuNow(appPid: number, dataDir: string): { app: number; pg: number } {
  const pm = postmasterPid(dataDir);
  return { app: treeCpuMs([appPid]), pg: pm ? treeCpuMs([pm]) : 0 };
}

export const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
