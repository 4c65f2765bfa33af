import "server-only";
import type { JobDefinition } from "./types";
import { runFullRecompute } from "../services/slo/run-full-recompute";
import { maintainMeasurementPartitions } from "../services/slo/maintain-measurement-partitions";
import { drainStatusQueue } from "../services/slo/drain-status-queue";

export const SLO_JOBS: JobDefinition[] = [
  // About every minute, one instance at a time (a lease, not a pg-boss singleton queue: a run cut
  // short by a database restart stayed "active" there for minutes and blocked the queue): SLO
  // status as of now for the whole catalog (freshness ages, silence turns UNKNOWN), then at risk / degraded.
  { name: "slo.recompute", everyMs: 10_000, run: ({ now }) => runFullRecompute({ now }) },
  // About every second, in each instance running jobs: the products ingestion queued, coalesced.
  { name: "slo.drain-status-queue", everyMs: 1_000, run: ({ now }) => drainStatusQueue({ now }) },
  // Hourly: monthly partitions created ahead, months past the retention setting dropped.
  { name: "slo.prune", cron: "17 * * * *", run: ({ now }) => maintainMeasurementPartitions({ now }) },
];
