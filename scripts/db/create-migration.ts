// npm run db:migrate:create -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes the existing migrations to prisma/schema.prisma.
import path from "node:path";
import { UserFacingError } from "../lib/embedded-pg";
import { openDatabase, runMain } from "../lib/database";
import { diffMigrationsToSchema, writeMigration } from "../lib/migrations";

runMain(async () => {
  const name = process.argv.slice(2).join("_");
  if (!name) throw new UserFacingError("Usage: npm run db:migrate:create -- <name>   (e.g. add_team_slug)");
  const db = await openDatabase({ say: () => {} });
  try {
    const { sql, ignoredIndexes } = await diffMigrationsToSchema(db.url);
    for (const index of ignoredIndexes) console.log(`note: index "${index}" comes from hand-written SQL and is not in schema.prisma: left alone.`);
    if (sql === null) {
      console.log("no changes: prisma/schema.prisma matches the migrations.");
      return;
    }
    const folder = writeMigration(name, sql);
    console.log(`created ${path.relative(process.cwd(), folder)}/migration.sql`);
    if (/^DROP |^ALTER TABLE .* DROP /m.test(sql)) console.log("note: it drops objects or columns; review it before committing.");
    console.log("apply it with: npm run db:migrate");
  } finally {
    await db.stop();
  }
});
