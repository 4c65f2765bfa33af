// npm run bench:data -- --products 100000
// Recreates the benchmark database (embedded PostgreSQL in .data/bench, or BENCH_DATABASE_URL's
// server), applies the migrations and fills it with a synthetic catalog (generate-catalog.ts).
import pg from "pg";
import { hashPassword } from "../../lib/server/auth/password";
import { runMain } from "../lib/database";
import { applyPendingMigrations } from "../lib/migrations";
import { createDatabase, dropDatabase } from "../lib/pg-admin";
import { BENCH_DATABASE, openBenchServer } from "./bench-db";
import { BENCH_USER, generateCatalog } from "./generate-catalog";
import { arg } from "./cli";

runMain(async () => {
  const products = Number(arg("products", "100000"));
  if (!Number.isInteger(products) || products < 100 || products > 5_000_000) throw new Error("--products must be an integer between 100 and 5000000");
  const say = (l: string) => console.log(l);
  const db = await openBenchServer(say);
  try {
    const started = performance.now();
    await dropDatabase(db.serverUrl, BENCH_DATABASE);
    await createDatabase(db.serverUrl, BENCH_DATABASE);
    const applied = await applyPendingMigrations(db.url);
    say(`database ${BENCH_DATABASE}: ${applied.length} migrations applied`);
    say(`generating ${products.toLocaleString("en-US")} products...`);
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      await c.query("SET maintenance_work_mem = '256MB'");
      await c.query("BEGIN");
      const counts = await generateCatalog(c, { products, passwordHash: await hashPassword(BENCH_USER.password), say });
      await c.query("COMMIT");
      const v = performance.now();
      await c.query("VACUUM ANALYZE");
      say(`  ${"vacuum analyze".padEnd(28)} ${" ".repeat(15)}${((performance.now() - v) / 1000).toFixed(1)} s`);
      const size = await c.query<{ db: string; products: string; vectors: string }>(`
        SELECT pg_size_pretty(pg_database_size(current_database())) AS db,
               pg_size_pretty(pg_total_relation_size('"DataProduct"')) AS products,
               pg_size_pretty(pg_relation_size('"DataProduct_searchVector_idx"') + pg_relation_size('"DataProduct_searchTitle_idx"')) AS vectors`);
      say("");
      for (const [k, n] of Object.entries(counts)) say(`  ${k.padEnd(20)} ${n.toLocaleString("en-US").padStart(12)}`);
      say(`  database ${size.rows[0]!.db}, products table ${size.rows[0]!.products} (search indexes ${size.rows[0]!.vectors})`);
      say(`done in ${((performance.now() - started) / 1000).toFixed(1)} s. Sign-in for the benchmarks: ${BENCH_USER.email} / ${BENCH_USER.password}`);
    } finally {
      await c.end();
    }
  } finally {
    await db.stop();
  }
});
