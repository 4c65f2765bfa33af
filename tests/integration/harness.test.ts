// The integration harness itself: each test file runs against its own migrated database, named
// by DATABASE_URL before app modules load, and reachable through the generated Prisma client.
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/server/db/generated/client";
import { withClient } from "../../scripts/lib/pg-admin";
import { createTestDatabase, dropTestDatabase } from "../setup/test-db";

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });

afterAll(async () => {
  await prisma.$disconnect();
});

describe("integration harness", () => {
  it("points DATABASE_URL at this file's own database, not the template", async () => {
    const [{ db }] = await prisma.$queryRaw<{ db: string }[]>`select current_database() as db`;
    expect(db).toBe(process.env.TESSERA_TEST_DATABASE);
    expect(db).not.toBe(inject("tesseraPgTemplate"));
  });

  it("starts from migrated, empty tables and writes through the generated client", async () => {
    expect(await prisma.team.count()).toBe(0);
    const team = await prisma.team.create({ data: { slug: "harness-team", name: "Harness" } });
    expect(team.id).toBeTruthy();
    expect(await prisma.team.findUnique({ where: { slug: "harness-team" } })).toMatchObject({ name: "Harness" });
  });

  it("gives every database a fresh copy: a row written here is absent from a new one", async () => {
    const serverUrl = inject("tesseraPgServerUrl");
    const other = await createTestDatabase(serverUrl, inject("tesseraPgTemplate"));
    try {
      const count = await withClient(other.url, async (c) => (await c.query('select count(*)::int as n from "Team"')).rows[0].n);
      expect(count).toBe(0);
      expect(await prisma.team.count()).toBe(1);
    } finally {
      await dropTestDatabase(serverUrl, other.name);
    }
  });
});
