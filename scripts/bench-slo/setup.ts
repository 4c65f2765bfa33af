// Shared setup of the SLO benchmarks: an embedded PostgreSQL on .data/bench-slo (never the demo's
// .data/pg nor the search bench's .data/bench), migrated, filled by the search issue's synthetic
// catalog generator (scripts/bench/generate-catalog.ts) plus cross-family edges up to ~3 per
// product, with one measurements:write token. Idempotent: a filled database is reused.
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import pg from "pg";
import { hash } from "@node-rs/argon2";
import { ensureDatabase, startEmbeddedPostgres, freePort } from "../lib/embedded-pg";
import { applyPendingMigrations } from "../lib/migrations";
import { fromRoot } from "../lib/paths";
import { generateCatalog, BENCH_USER } from "../bench/generate-catalog";

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

/** Builds the app once into NEXT_DIST_DIR (default .next-bench-slo) and starts `next start` on a free port. */
export async function startApp(url: string, extraEnv: Record<string, string> = {}): Promise<{ base: string; stop: () => Promise<void>; child: ChildProcess }> {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next-bench-slo";
  const next = fromRoot("node_modules/next/dist/bin/next");
  const env = { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: url, TESSERA_JOBS: "off", TESSERA_API_RATE_LIMIT: "1000000", AUTH_SECRET: "bench-secret-bench-secret-bench-secret", NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret", ...extraEnv } as NodeJS.ProcessEnv;
  if (!fs.existsSync(fromRoot(distDir, "BUILD_ID"))) {
    say(`building the app into ${distDir} (next build, once)...`);
    const code = await new Promise<number | null>((resolve) => spawn(process.execPath, [next, "build"], { env, stdio: "inherit", cwd: fromRoot() }).on("exit", resolve));
    if (code !== 0) throw new Error("next build failed");
  }
  const port = await freePort();
  env.PORT = String(port);
  env.NEXTAUTH_URL = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [next, "start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "pipe", "inherit"], cwd: fromRoot() });
  child.stdout!.on("data", () => {});
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).status < 500) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { base, child, stop: async () => { child.kill("SIGTERM"); await new Promise((r) => child.once("exit", r)); } };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
