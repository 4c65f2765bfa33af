import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// The e2e run has its own app server and database: `node scripts/run.mjs e2e-server` migrates and
// seeds a throwaway PostgreSQL (demo accounts), builds the app and starts it on port 3100.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

// Debian's Chromium where it exists (Playwright cannot download browsers offline), else Playwright's own.
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const launchOptions = fs.existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    }
  : {};

export default defineConfig({
  testDir: "e2e",
  // Two CPUs: the app server, PostgreSQL and the browsers share them.
  workers: process.env.CI ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  globalTimeout: process.env.CI ? 15 * 60_000 : undefined, // CI must stay well under 20 minutes
  expect: { timeout: 10_000 },
  reporter: "list",
  outputDir: "test-results/e2e",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions } }],
  webServer: {
    command: "node scripts/run.mjs e2e-server",
    url: `${baseURL}/signin`,
    env: { PORT: String(PORT), NEXTAUTH_URL: baseURL },
    timeout: 600_000, // next build on two CPUs, the seed, then the first request
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    // Let the runner stop the app and PostgreSQL and remove its temporary data (default: SIGKILL).
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
