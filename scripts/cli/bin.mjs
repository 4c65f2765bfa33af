#!/usr/bin/env node
// `tessera` (package.json "bin"): loads the TypeScript CLI through tsx, with Tessera's tsconfig
// whatever the working directory (a domain repo running `npx tessera` in CI).
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
process.env.TSX_TSCONFIG_PATH ??= path.join(here, "..", "..", "tsconfig.json");
await import("tsx"); // the same hooks as `node --import tsx` (ES modules and CommonJS)
const mod = await import("./main.ts");
const main = mod.main ?? mod.default.main; // main.ts loads as CommonJS (the package is not "type": "module")
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`tessera: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 2;
}
