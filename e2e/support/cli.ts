// Runs the admin CLI (npm run tessera) against the e2e server's database, as an operator would.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export function e2eDatabaseUrl(): string {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const file = path.join(process.cwd(), "test-results", `e2e-database-url-${port}.txt`);
  return fs.readFileSync(file, "utf8").trim();
}

/** `npm run -s tessera -- <args>`: returns stdout (the token for `token create`). */
export function tessera(...args: string[]): string {
  return execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/cli/tessera.ts", ...args], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() },
    encoding: "utf8",
    timeout: 60_000,
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}
