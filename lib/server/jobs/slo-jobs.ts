import "server-only";
import type { JobDefinition } from "./types";
import { recomputeStatus } from "../services/slo/recompute-status";
import { pruneMeasurements } from "../services/slo/prune-measurements";
import { drainStatusQueue } from "../services/slo/drain-status-queue";

export const SLO_JOBS: JobDefinition[] = [
  // Every minute: SLO status as of now for the whole catalog (freshness ages, silence turns UNKNOWN), then at risk / degraded.
  { name: "slo.recompute", cron: "* * * * *", run: ({ now }) => recomputeStatus({ now }) },
  // About every second, in each instance running jobs: the products ingestion queued, coalesced.
  { name: "slo.drain-status-queue", everyMs: 1_000, run: ({ now }) => drainStatusQueue({ now }) },
  // Hourly: measurements older than the retention setting go, in short batches.
  { name: "slo.prune", cron: "17 * * * *", run: ({ now }) => pruneMeasurements({ now }) },
];
