import "server-only";

/** A background job: run on a cron schedule and on demand, by exactly one worker at a time. */
export interface JobDefinition {
  name: string;
  /** Cron (pg-boss, minute resolution), e.g. "* * * * *". */
  cron?: string;
  /** Must be idempotent: a retry or a second instance running it again changes nothing more. */
  run: (job: { now: Date; data: Record<string, unknown> }) => Promise<unknown>;
}
