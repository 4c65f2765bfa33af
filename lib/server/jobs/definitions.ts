import "server-only";
import type { JobDefinition } from "./types";
import { DEPRECATION_JOBS } from "./deprecation-jobs";
import { SLO_JOBS } from "./slo-jobs";
import { LINEAGE_JOBS } from "./lineage-jobs";

/**
 * Every background job. Issues that add behaviour over time (deprecation lifecycle, SLO status,
 * webhooks) add their job here; the runner schedules and works them.
 */
export const JOBS: JobDefinition[] = [...DEPRECATION_JOBS, ...SLO_JOBS, ...LINEAGE_JOBS];
