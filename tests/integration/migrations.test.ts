// prisma/schema.prisma and prisma/migrations must agree: a fresh database built by the
// migrations has exactly the datamodel. Objects schema.prisma cannot express (extensions,
// triggers, functions, expression or hand-written indexes) are allowed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import { inject } from "vitest";
import { applyPendingMigrations, diffDatabaseToSchema, loadMigrationsList } from "../../scripts/lib/migrations";
import { createDatabase, dropDatabase, withClient, withDatabase } from "../../scripts/lib/pg-admin";

const serverUrl = inject("tesseraPgServerUrl");
const fresh = `${process.env.TESSERA_TEST_DATABASE}_fresh`.slice(0, 63);
const freshUrl = withDatabase(serverUrl, fresh);
const migrationNames = loadMigrationsList().migrationDirectories.map((m) => m.path);
let applied: string[] = [];

beforeAll(async () => {
  await createDatabase(serverUrl, fresh); // empty: not a copy of the template
  applied = await applyPendingMigrations(freshUrl);
});

afterAll(async () => {
  await dropDatabase(serverUrl, fresh);
});

type PgClient = Parameters<Parameters<typeof withClient>[1]>[0];

/**
 * A scratch database migrated up to just before the migration named `*_${suffix}`: `run` gets a
 * client and `migrate()`, which applies that migration. The database is dropped afterwards.
 */
async function beforeMigration(suffix: string, run: (c: PgClient, migrate: () => Promise<unknown>) => Promise<void>) {
  const list = loadMigrationsList();
  const at = list.migrationDirectories.findIndex((m) => m.path.endsWith(`_${suffix}`));
  expect(at).toBeGreaterThan(0);
  const sqlOf = (m: (typeof list.migrationDirectories)[number]) => (m.migrationFile.content as { value: string }).value;
  const name = `${process.env.TESSERA_TEST_DATABASE}_${suffix}`.slice(0, 63);
  await createDatabase(serverUrl, name);
  try {
    await withClient(withDatabase(serverUrl, name), async (c) => {
      for (const m of list.migrationDirectories.slice(0, at)) await c.query(sqlOf(m));
      await run(c, () => c.query(sqlOf(list.migrationDirectories[at]!)));
    });
  } finally {
    await dropDatabase(serverUrl, name);
  }
}

describe("migrations", () => {
  it("apply every migration in prisma/migrations to an empty database", () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    expect(applied).toEqual(migrationNames);
  });

  it("record them in _prisma_migrations as `prisma migrate deploy` does", async () => {
    const rows = await withClient(freshUrl, async (c) =>
      (await c.query("select migration_name, checksum, finished_at, rolled_back_at from _prisma_migrations order by migration_name")).rows,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrationNames);
    for (const r of rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).not.toBeNull();
      expect(r.rolled_back_at).toBeNull();
    }
    expect(await applyPendingMigrations(freshUrl)).toEqual([]); // a second run applies nothing
  });

  it("produce exactly the datamodel of prisma/schema.prisma", async () => {
    const { sql } = await diffDatabaseToSchema(freshUrl);
    // On failure: run `npm run db:migrate:create -- <name>` and commit the new migration.
    expect(sql, "schema.prisma and prisma/migrations disagree").toBeNull();
  });

  it("measurement_ingest_keys keeps every stored measurement and makes the idempotency key the primary key", async () => {
    await beforeMigration("measurement_ingest_keys", async (c, migrate) => {
      // Rows as the old schema held them (foreign keys off for the insert: no catalog needed).
      await c.query("SET session_replication_role = replica");
      await c.query(`INSERT INTO "SloMeasurement" ("sloId", "productId", value, met, "observedAt", "idempotencyKey")
                     SELECT 's' || (i % 3), 'p' || (i % 2), i, i % 5 > 0, now(), 'k' || i FROM generate_series(1, 500) i`);
      await c.query("SET session_replication_role = DEFAULT");
      const before = (await c.query(`SELECT "productId", "idempotencyKey", "sloId", value, met FROM "SloMeasurement" ORDER BY 1, 2`)).rows;
      await migrate();
      const after = (await c.query(`SELECT "productId", "idempotencyKey", "sloId", value, met FROM "SloMeasurement" ORDER BY 1, 2`)).rows;
      expect(after).toHaveLength(500);
      expect(after).toEqual(before);
      const pk = (await c.query(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'SloMeasurement_pkey'`)).rows;
      expect(pk).toEqual([{ def: 'PRIMARY KEY ("productId", "idempotencyKey")' }]);
      const fks = (await c.query(`SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = '"SloMeasurement"'::regclass AND contype = 'f'`)).rows;
      expect(fks[0].n).toBe(0);
      await expect(c.query(`INSERT INTO "SloMeasurement" ("sloId", "productId", value, met, "observedAt", "idempotencyKey") VALUES ('s0', 'p1', 1, true, now(), 'k1')`)).rejects.toThrow(/duplicate key/);
    });
  });

  it("measurement_partitions keeps every stored measurement, each in its month's partition", async () => {
    await beforeMigration("measurement_partitions", async (c, migrate) => {
      // 600 rows over the last 20 months (no foreign keys any more: any ids will do).
      await c.query(`INSERT INTO "SloMeasurement" ("sloId", "productId", value, met, "observedAt", "idempotencyKey")
                     SELECT 's' || (i % 3), 'p' || (i % 2), i, i % 5 > 0, now() - i * interval '1 day', 'k' || i FROM generate_series(1, 600) i`);
      const cols = `"productId", "idempotencyKey", "sloId", value, met, "observedAt"`;
      const before = (await c.query(`SELECT ${cols} FROM "SloMeasurement" ORDER BY 1, 2`)).rows;
      await migrate();
      const after = (await c.query(`SELECT ${cols} FROM "SloMeasurement" ORDER BY 1, 2`)).rows;
      expect(after).toHaveLength(600);
      expect(after).toEqual(before);
      // Every row sits in the partition named after its month; none in the default partition.
      const misplaced = (await c.query(`SELECT count(*)::int AS n FROM "SloMeasurement" WHERE tableoid::regclass::text <> '"SloMeasurement_' || to_char("observedAt", 'YYYY_MM') || '"'`)).rows;
      expect(misplaced[0].n).toBe(0);
      const ahead = (await c.query(`SELECT to_regclass('"SloMeasurement_' || to_char(now() + interval '2 months', 'YYYY_MM') || '"') IS NOT NULL AS ok`)).rows;
      expect(ahead[0].ok).toBe(true);
      const pk = (await c.query(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'SloMeasurement_pkey'`)).rows;
      expect(pk).toEqual([{ def: 'PRIMARY KEY ("productId", "idempotencyKey", "observedAt")' }]);
      const k1 = (await c.query(`SELECT "observedAt" FROM "SloMeasurement" WHERE "idempotencyKey" = 'k1'`)).rows[0].observedAt;
      await expect(c.query(`INSERT INTO "SloMeasurement" ("sloId", "productId", value, met, "observedAt", "idempotencyKey") VALUES ('s1', 'p1', 1, true, $1, 'k1')`, [k1])).rejects.toThrow(/duplicate key/);
    });
  });

  it("detect a datamodel the migrations do not create (the check can fail)", async () => {
    const schema = fs.readFileSync("prisma/schema.prisma", "utf8");
    const changed = `${schema}\nmodel DriftProbe {\n  id String @id\n}\n`;
    const { sql } = await diffDatabaseToSchema(freshUrl, changed);
    expect(sql).toContain('CREATE TABLE "DriftProbe"');
  });
});
