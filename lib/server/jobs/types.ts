import "server-only";

/** A background job: run on a cron schedule and on demand, by exactly one worker at a time. */
export interface JobDefinition {
  name: string;
  /** Cron (pg-boss, minute resolution), e.g. "* * * * *". */
  cron?: string;
  /**
   * Sub-minute work run in-process by every instance that runs jobs, this many ms after the
   * previous run ended (not through pg-boss). Such a job must split its work safely between
   * instances (e.g. DELETE ... RETURNING from a queue table).
   */
  everyMs?: number;
  /** Must be idempotent: a retry or a second instance running it again changes nothing more. */
  run: (job: { now: Date; data: Record<string, unknown> }) => Promise<unknown>;
}
