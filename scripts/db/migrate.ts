// npm run db:migrate: applies pending migrations (DATABASE_URL, or the embedded server) and records
// them in _prisma_migrations exactly as `prisma migrate deploy` does.
import { openDatabase, runMain } from "../lib/database";
import { applyPendingMigrations } from "../lib/migrations";

runMain(async () => {
  const db = await openDatabase({ say: (l) => console.log(l) });
  try {
    const applied = await applyPendingMigrations(db.url);
    if (applied.length === 0) console.log("Database is up to date: no pending migrations.");
    for (const name of applied) console.log(`applied ${name}`);
  } finally {
    await db.stop();
  }
});
