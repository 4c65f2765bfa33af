import "server-only";
import { env } from "../env";

/** Asks the runner to work a job soon (best effort: the cron picks it up within a minute anyway). */
export function kickJob(name: string): void {
  if (!env().TESSERA_JOBS) return;
  void import("./runner").then((m) => m.triggerJob(name)).catch((e) => console.error(`[tessera] could not trigger ${name}:`, (e as Error).message));
}
