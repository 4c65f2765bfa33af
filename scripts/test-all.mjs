#!/usr/bin/env node
// npm test: typecheck, then unit, integration and end-to-end tests, each streaming its output,
// then one summary table and a last line "N passed, N failed". Exits non-zero on any failure.
// Run only some tiers with: npm test -- unit integration   (typecheck | unit | integration | e2e)
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const resultsDir = path.join(root, "test-results");
fs.mkdirSync(resultsDir, { recursive: true });
const bin = (name) => path.join(root, "node_modules", ".bin", name);

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  VITE_CONFIG_NATIVE_IGNORE_WARNING: "true", // vitest.config.ts in a package without "type": "module"
};

const TIERS = {
  typecheck: {
    run: () => exec(bin("tsc"), ["--noEmit"]),
    skip: () => (fs.existsSync("tsconfig.json") ? null : "no tsconfig.json"),
  },
  unit: { run: () => vitest("unit") },
  integration: { run: () => vitest("integration") },
  e2e: {
    run: async () => {
      const out = path.join(resultsDir, "e2e.json");
      fs.rmSync(out, { force: true });
      const code = await exec(bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
      return { code, counts: readPlaywrightCounts(out) };
    },
  },
};

async function vitest(project) {
  const out = path.join(resultsDir, `${project}.json`);
  fs.rmSync(out, { force: true });
  const code = await exec(bin("vitest"), ["run", "--project", project, "--passWithNoTests", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  return { code, counts: readVitestCounts(out) };
}

function readVitestCounts(file) {
  try {
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    // A file that fails to load has no tests but a failed suite: count it as a failure.
    const brokenFiles = (r.testResults ?? []).filter((f) => f.status === "failed" && !(f.assertionResults ?? []).length).length;
    return { passed: r.numPassedTests, failed: r.numFailedTests + brokenFiles, skipped: r.numPendingTests + r.numTodoTests };
  } catch {
    return undefined;
  }
}

function readPlaywrightCounts(file) {
  try {
    const { stats, errors = [] } = JSON.parse(fs.readFileSync(file, "utf8"));
    return { passed: stats.expected + stats.flaky, failed: stats.unexpected + (stats.unexpected ? 0 : errors.length), skipped: stats.skipped, flaky: stats.flaky };
  } catch {
    return undefined;
  }
}

let interrupted = false;

function exec(cmd, args, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
    // Ctrl-C already reaches the child through the terminal: only pass a signal on when it did not.
    const forward = (s) => {
      interrupted = true;
      if (s === "SIGTERM") child.kill(s);
      else setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill(s), 1500).unref();
    };
    process.on("SIGINT", forward).on("SIGTERM", forward);
    child.once("error", (e) => {
      console.error(`could not run ${cmd}: ${e.message}`);
      resolve(1);
    });
    child.once("exit", (code, signal) => {
      process.off("SIGINT", forward).off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const requested = process.argv.slice(2);
for (const t of requested) if (!TIERS[t]) (console.error(`unknown tier "${t}": use ${Object.keys(TIERS).join(", ")}`), process.exit(2));
const tiers = requested.length ? Object.keys(TIERS).filter((t) => requested.includes(t)) : Object.keys(TIERS);

const rows = [];
for (const name of tiers) {
  const tier = TIERS[name];
  const skip = tier.skip?.();
  if (skip) {
    rows.push({ name, result: `skipped (${skip})` });
    continue;
  }
  console.log(`\n━━━ ${name} ${"━".repeat(Math.max(0, 60 - name.length))}\n`);
  const started = Date.now();
  const outcome = await tier.run();
  const { code, counts } = typeof outcome === "number" ? { code: outcome, counts: null } : outcome;
  const seconds = (Date.now() - started) / 1000;
  // A tier that fails without reporting counts (crash, setup error) counts as one failure.
  const c = counts === null ? null : (counts ?? { passed: 0, failed: code === 0 ? 0 : 1, skipped: 0, error: true });
  const ok = code === 0 && (!c || c.failed === 0);
  rows.push({ name, ok, result: ok ? "passed" : c?.error ? "FAILED (no results)" : "FAILED", counts: c, seconds });
  if (interrupted) {
    rows.push({ name: "(interrupted)", ok: false, result: "remaining tiers not run" });
    break;
  }
}

const passed = rows.reduce((n, r) => n + (r.counts?.passed ?? 0), 0);
// A failed typecheck (no test counts) counts as one failure, so "0 failed" always means green.
const failed = rows.reduce((n, r) => n + (r.counts?.failed ?? (r.ok === false && r.seconds !== undefined ? 1 : 0)), 0);
const anyFailed = rows.some((r) => r.ok === false);

const cell = (v, w, right = true) => (right ? String(v).padStart(w) : String(v).padEnd(w));
console.log("\n━━━ summary ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\n");
console.log(`${cell("tier", 13, false)}${cell("result", 22, false)}${cell("passed", 7)}${cell("failed", 8)}${cell("skipped", 9)}${cell("time", 9)}`);
for (const r of rows) {
  const k = r.counts;
  const extra = k?.flaky ? ` (${k.flaky} flaky)` : "";
  console.log(
    `${cell(r.name, 13, false)}${cell(r.result + extra, 22, false)}${cell(k ? k.passed : "-", 7)}${cell(k ? k.failed : "-", 8)}${cell(k ? k.skipped : "-", 9)}${cell(r.seconds === undefined ? "-" : `${r.seconds.toFixed(1)}s`, 9)}`,
  );
}
console.log("");
console.log(`${passed} passed, ${failed} failed`);
process.exit(anyFailed || failed > 0 ? 1 : 0);
