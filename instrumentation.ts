// Runs once when the server starts: a bad configuration stops the app with a message naming each
// variable, instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // Exits with one line per bad variable (a failed register() would leave a server answering 500).
  (await import("./lib/server/check-env-at-start")).checkEnvAtStart();
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
