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

  it("detect a datamodel the migrations do not create (the check can fail)", async () => {
    const schema = fs.readFileSync("prisma/schema.prisma", "utf8");
    const changed = `${schema}\nmodel DriftProbe {\n  id String @id\n}\n`;
    const { sql } = await diffDatabaseToSchema(freshUrl, changed);
    expect(sql).toContain('CREATE TABLE "DriftProbe"');
  });
});
