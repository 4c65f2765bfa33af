// Demo data for Tessera: an e-commerce data mesh (orders, inventory, customer, payments, marketing
// and the platform team's conformed dimensions) with contract histories, subscriptions,
// deprecations, SLO measurements and topology. Run: node --conditions=react-server --import tsx prisma/seed.ts
// Idempotent: does nothing when the demo data is there; otherwise writes all of it in one transaction.
// SEED_NOW=<ISO date> fixes "now" (every date is relative to it).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/server/db/generated/client";
import { hashPassword } from "../lib/server/auth/password";
import { DEMO_ACCOUNTS } from "./seed/accounts";
import { makeClock, parseSeedNow } from "./seed/clock";
import { planDemo } from "./seed/plan";
import { DEMO_MARKER_TEAM } from "./seed/teams";
import { writeDemo } from "./seed/write";
import { seedLineage } from "./seed/lineage";
import { getDb } from "../lib/server/db/client";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const clock = makeClock(parseSeedNow(process.env.SEED_NOW));
  const started = performance.now();
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    if (await db.team.findUnique({ where: { slug: DEMO_MARKER_TEAM }, select: { id: true } })) {
      console.log(`demo data already present (team "${DEMO_MARKER_TEAM}" exists): nothing to do`);
      return;
    }
    const taken = await db.user.findMany({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } }, select: { email: true } });
    if (taken.length > 0) throw new Error(`demo accounts already exist without the demo data: ${taken.map((u) => u.email).join(", ")}`);

    const hashes = new Map(await Promise.all(DEMO_ACCOUNTS.map(async (a) => [a.email, await hashPassword(a.password)] as const)));
    const plan = planDemo(clock, hashes);
    const planned = performance.now();
    const counts = await db.$transaction((tx) => writeDemo(tx, plan), { timeout: 120_000, maxWait: 10_000 });
    // Lineage goes through the ingestion service (its own transactions), after the catalog exists.
    const lineage = await seedLineage(clock);
    const done = performance.now();

    console.log(`demo data written (now = ${clock.now.toISOString()})`);
    for (const [what, n] of Object.entries(counts)) console.log(`  ${what.padEnd(20)} ${n}`);
    console.log(`  ${"lineage events".padEnd(20)} ${lineage.accepted}`);
    console.log(`  planned in ${Math.round(planned - started)} ms, written in ${Math.round(done - planned)} ms`);
    console.log(`demo accounts (password "${DEMO_ACCOUNTS[0]!.password}"): ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}`);
  } finally {
    await db.$disconnect();
    await getDb().$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error("seed failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
