// The benchmark database: BENCH_DATABASE_URL when set (its server must allow CREATE DATABASE),
// otherwise an embedded PostgreSQL on .data/bench (never .data/pg: the demo data stays untouched).
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres, checkConnection, withDatabase } from "../lib/embedded-pg";
import { fromRoot } from "../lib/paths";

export const BENCH_DATA_DIR = ".data/bench";
/** BENCH_DB_NAME selects another catalog on the same server (e.g. tessera_bench_1m). */
export const BENCH_DATABASE = process.env.BENCH_DB_NAME?.trim() || "tessera_bench";

export type BenchDb = { url: string; serverUrl: string; owned: boolean; stop(): Promise<void> };

export async function openBenchServer(say: (l: string) => void = console.log): Promise<BenchDb> {
  const external = process.env.BENCH_DATABASE_URL?.trim();
  if (external) {
    await checkConnection(external);
    return { serverUrl: external, url: withDatabase(external, BENCH_DATABASE), owned: false, stop: async () => {} };
  }
  const raw = process.env.BENCH_PG_PORT;
  const server = await startEmbeddedPostgres({
    dataDir: fromRoot(BENCH_DATA_DIR),
    port: raw ? Number(raw) : undefined,
    logFile: path.join(fromRoot(".data"), "bench-postgres.log"),
    handleSignals: true,
    say,
  });
  const url = await ensureDatabase(server.url, BENCH_DATABASE);
  return { serverUrl: server.url, url, owned: server.owned && !server.reused, stop: () => server.stop() };
}
