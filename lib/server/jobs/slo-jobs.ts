import "server-only";
import type { JobDefinition } from "./types";
import { recomputeStatus } from "../services/slo/recompute-status";
import { pruneMeasurements } from "../services/slo/prune-measurements";

/** Every minute: SLO status as of now for the whole catalog (freshness ages, silence turns UNKNOWN), then at risk / degraded. */
export const SLO_JOBS: JobDefinition[] = [
  { name: "slo.recompute", cron: "* * * * *", run: ({ now }) => recomputeStatus({ now }) },
  // Hourly: measurements older than the retention setting go, in short batches.
  { name: "slo.prune", cron: "17 * * * *", run: ({ now }) => pruneMeasurements({ now }) },
];
