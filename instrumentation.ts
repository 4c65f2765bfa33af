// Runs once when the server starts: a bad configuration stops the app with a message naming each
// variable, instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { assertEnv } = await import("./lib/server/env");
  try {
    assertEnv();
  } catch (e) {
    // Printed without a stack, then thrown: Next does not start with a failed register().
    console.error(`[tessera] ${(e as Error).message}`);
    throw new Error("Invalid configuration (see above)");
  }
  // The background job runner (pg-boss) starts with the app; a failure is logged, never fatal.
  const { env } = await import("./lib/server/env");
  if (env().TESSERA_JOBS) {
    try {
      const { startJobRunner } = await import("./lib/server/jobs/runner");
      await startJobRunner();
    } catch (e) {
      console.error(`[tessera] the job runner did not start: ${(e as Error).message}`);
    }
  }
}
