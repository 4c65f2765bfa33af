import "server-only";
import PgBoss from "pg-boss";
import { env } from "../env";
import { currentTime } from "../clock";
import { JOBS } from "./definitions";

const holder = globalThis as unknown as { __tesseraBoss?: Promise<PgBoss> };

/**
 * Starts the Postgres-backed job runner (pg-boss) in this app instance. Several instances on one
 * database share the queues: each queue is a singleton (one active job at a time), crons are
 * scheduled once per database, and every job is idempotent.
 */
export function startJobRunner(): Promise<PgBoss> {
  holder.__tesseraBoss ??= (async () => {
    const boss = new PgBoss({ connectionString: env().DATABASE_URL, schema: "pgboss", max: 3, application_name: "tessera-jobs" });
    boss.on("error", (e) => console.error("[tessera] job runner:", e.message));
    await boss.start();
    for (const job of JOBS) {
      await boss.createQueue(job.name, { name: job.name, policy: "singleton", retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 300 });
      if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
      await boss.work(job.name, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([j]) => {
        await job.run({ now: await currentTime(), data: (j?.data ?? {}) as Record<string, unknown> });
      });
    }
    return boss;
  })();
  return holder.__tesseraBoss;
}

/** Runs a job now (in whichever instance picks it up). */
export async function triggerJob(name: string, data: Record<string, unknown> = {}): Promise<void> {
  const boss = await startJobRunner();
  await boss.send(name, data);
}
