import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// The e2e run has its own app server and database: `node scripts/run.mjs e2e-server` migrates and
// seeds a throwaway PostgreSQL (demo accounts), builds the app and starts it on port 3100.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
// The test OpenID Connect provider (e2e/support/oidc-server.mjs), 1000 ports above the app.
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? PORT + 1000);
const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
const OIDC_CLIENT = "tessera-e2e";
const OIDC_SECRET = "tessera-e2e-secret-0123456789abcdef";

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
  webServer: [
    // A real OpenID Connect provider on loopback for e2e/sso.spec.ts; the app below is configured
    // with it, so it must be up first (the app reads OIDC_* at start).
    {
      command: "node e2e/support/oidc-server.mjs",
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      env: { OIDC_PORT: String(OIDC_PORT), APP_URL: baseURL, OIDC_CLIENT_ID: OIDC_CLIENT, OIDC_CLIENT_SECRET: OIDC_SECRET },
      timeout: 30_000,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "node scripts/run.mjs e2e-server",
      url: `${baseURL}/signin`,
      env: {
        PORT: String(PORT),
        NEXTAUTH_URL: baseURL,
        OIDC_ISSUER,
        OIDC_CLIENT_ID: OIDC_CLIENT,
        OIDC_CLIENT_SECRET: OIDC_SECRET,
        OIDC_NAME: "Test IdP",
        TESSERA_ADMIN_EMAILS: "sso-admin@sso.test",
      },
      timeout: 600_000, // next build on two CPUs, the seed, then the first request
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      stderr: "pipe",
      // Let the runner stop the app and PostgreSQL and remove its temporary data (default: SIGKILL).
      gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    },
  ],
});
