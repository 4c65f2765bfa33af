import "server-only";
import { assertEnv } from "./env";

/** Called from instrumentation.ts (Node.js runtime only): a bad configuration stops the process. */
export function checkEnvAtStart(): void {
  try {
    assertEnv();
  } catch (e) {
    console.error(`[tessera] ${(e as Error).message}`);
    console.error("[tessera] fix the configuration and start again.");
    process.exit(1);
  }
}
