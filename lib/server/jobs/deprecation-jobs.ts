import "server-only";
import { env } from "../env";
import type { JobDefinition } from "./types";

/**
 * Deprecation lifecycle and webhook delivery (issue 7): both idempotent, both safe on several instances.
 * In test runs (TESSERA_TEST_CLOCK=1) the scheduled tick keeps the wall clock: a journey that moves
 * the clock drives the lifecycle of its own product through /api/test/clock, and never retires
 * another journey's data by accident.
 */
export const DEPRECATION_JOBS: JobDefinition[] = [
  { name: "deprecations.tick", cron: "* * * * *", run: async ({ now }) => (await import("../services/deprecations/run-lifecycle")).runLifecycle({ now: env().TESSERA_TEST_CLOCK ? new Date() : now }) },
  { name: "webhooks.deliver", cron: "* * * * *", run: async ({ now }) => (await import("../services/webhooks/deliver-webhooks")).deliverDueWebhooks({ now }) },
];
