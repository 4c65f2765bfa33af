import "server-only";
import PgBoss from "pg-boss";
import { env } from "../env";
import { currentTime } from "../clock";
import { JOBS } from "./definitions";
import type { JobDefinition } from "./types";

const holder = globalThis as unknown as { __tesseraBoss?: Promise<PgBoss> };

/**
 * Starts the Postgres-backed job runner (pg-boss) in this app instance. Several instances on one
 * database share the queues: each queue is a singleton (one active job at a time), crons are
 * scheduled once per database, and every job is idempotent.
 */
export function startJobRunner(): Promise<PgBoss> {
  holder.__tesseraBoss ??= (async () => {
    // In-process loops first: they need no pg-boss and keep retrying while the database is away.
    for (const job of JOBS.filter((j) => j.everyMs)) startLoop(job);
    const boss = new PgBoss({ connectionString: env().DATABASE_URL, schema: "pgboss", max: 3, application_name: "tessera-jobs" });
    boss.on("error", (e) => console.error("[tessera] job runner:", e.message));
    await boss.start();
    // A job that moved from a pg-boss cron to an in-process loop must not keep a schedule.
    for (const job of JOBS.filter((j) => j.everyMs)) await boss.unschedule(job.name).catch(() => {});
    for (const job of JOBS.filter((j) => !j.everyMs)) {
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

/** Runs `job` every `everyMs` after the previous run ended; an error is logged (at most once a minute) and the loop goes on. */
function startLoop(job: JobDefinition): void {
  let lastLogged = 0;
  const tick = async () => {
    try {
      await job.run({ now: await currentTime(), data: {} });
    } catch (e) {
      if (Date.now() - lastLogged > 60_000) {
        lastLogged = Date.now();
        console.error(`[tessera] job ${job.name} failed (retrying every ${job.everyMs} ms):`, (e as Error).message);
      }
    }
    setTimeout(tick, job.everyMs).unref();
  };
  setTimeout(tick, job.everyMs).unref();
}

/** Runs a job now (in whichever instance picks it up). */
export async function triggerJob(name: string, data: Record<string, unknown> = {}): Promise<void> {
  const boss = await startJobRunner();
  await boss.send(name, data);
}
