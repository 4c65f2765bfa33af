import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect, type APIRequestContext } from "@playwright/test";
import YAML from "yaml";
import { e2eDatabaseUrl } from "./support/cli";

// The `tessera` binary as a domain's CI runs it, against the running e2e server: tokens minted with
// its admin commands, `contract diff` offline, `contract publish --dry-run` over HTTP reporting the
// same changes, and `measurements post` interrupted mid-way and resumed.
const BIN = path.resolve("scripts/cli/bin.mjs");
const FLAGSHIP = "orders.order_facts.gold";
// Not asserted on by any other spec; old, met measurements leave its status as it is.
const QUIET = "inventory.warehouse_snapshots.bronze";

type Run = { code: number | null; stdout: string; stderr: string };

function tessera(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> & { child: ChildProcess } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const done = new Promise<Run>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  return Object.assign(done, { child });
}

async function mintToken(team: string, scopes: string): Promise<string> {
  const r = await tessera(["token", "create", "--team", team, "--scopes", scopes, "--name", `e2e-cli-${Date.now()}`], { env: { DATABASE_URL: e2eDatabaseUrl() } });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim();
}

async function current(request: APIRequestContext, token: string, key: string) {
  const r = await request.get(`/api/v1/products/${key}/contracts/current`, { headers: { authorization: `Bearer ${token}`, accept: "application/yaml" } });
  expect(r.status()).toBe(200);
  return r.text();
}

test("contract diff of a field removal declared as a minor exits 1; publish --dry-run against the server reports the same", async ({ request, baseURL }) => {
  const token = await mintToken("orders", "read,contracts:write");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tessera-e2e-cli-"));
  const oldText = await current(request, token, FLAGSHIP);
  const doc = YAML.parse(oldText) as { version: string; schema: { fields: { name: string }[] }; semantics: { fields?: Record<string, string> } };
  const removed = doc.schema.fields.pop()!.name;
  for (const k of Object.keys(doc.semantics.fields ?? {})) if (k === removed || k.startsWith(`${removed}.`)) delete doc.semantics.fields![k];
  const [major, minor] = doc.version.split(".").map(Number) as [number, number];
  doc.version = `${major}.${minor + 1}.0`;
  fs.writeFileSync(path.join(dir, "old.yaml"), oldText);
  fs.writeFileSync(path.join(dir, "new.yaml"), YAML.stringify(doc));
  const before = await request.get(`/api/v1/products/${FLAGSHIP}/contracts`, { headers: { authorization: `Bearer ${token}` } });

  // Offline: the removal is a MAJOR change, the declared bump a MINOR.
  const diff = await tessera(["contract", "diff", "old.yaml", "new.yaml"], { cwd: dir });
  expect(diff.code, diff.stderr).toBe(1);
  expect(diff.stdout).toContain(`Field \`${removed}\` removed.`);
  expect(diff.stdout).toContain("SEMVER VIOLATION");
  const diffJson = JSON.parse((await tessera(["contract", "diff", "old.yaml", "new.yaml", "--format", "json"], { cwd: dir })).stdout);

  // Against the server: the same change and verdict, the rule, and who it would reach.
  const env = { CI_TESSERA_TOKEN: token };
  const dry = await tessera(["contract", "publish", "new.yaml", "--product", FLAGSHIP, "--url", baseURL!, "--dry-run", "--token-env", "CI_TESSERA_TOKEN"], { cwd: dir, env });
  expect(dry.code, dry.stderr).toBe(1);
  expect(dry.stdout).toContain(`Field \`${removed}\` removed.`);
  expect(dry.stdout).toContain("Required bump: MAJOR; declared: MINOR");
  expect(dry.stdout).toContain("[version.semver-bump]");
  expect(dry.stdout).toContain("Impact:");
  expect(dry.stdout).toContain(`Refused: ${doc.version} would not be published (HTTP 422)`);
  const dryJson = JSON.parse((await tessera(["contract", "publish", "new.yaml", "--product", FLAGSHIP, "--url", baseURL!, "--dry-run", "--format", "json", "--token-env", "CI_TESSERA_TOKEN"], { cwd: dir, env })).stdout);
  expect(dryJson.report.changes).toEqual(diffJson.changes);
  expect(dryJson.report.required).toBe(diffJson.required);
  expect(dryJson.report.declared).toBe(diffJson.declared);
  expect(dryJson.report.impact.subscribers.length).toBeGreaterThan(0);

  // A dry run writes nothing.
  const after = await request.get(`/api/v1/products/${FLAGSHIP}/contracts`, { headers: { authorization: `Bearer ${token}` } });
  expect(await after.json()).toEqual(await before.json());

  // Without a token: exit 2 and what to set.
  const noToken = await tessera(["contract", "publish", "new.yaml", "--product", FLAGSHIP, "--url", baseURL!, "--dry-run"], { cwd: dir, env: { TESSERA_TOKEN: "" } });
  expect(noToken.code).toBe(2);
  expect(noToken.stderr).toContain("set TESSERA_TOKEN");
});

test("measurements post is interrupted mid-way, resumes after the last acknowledged line, and re-sending stores nothing twice", async ({ request, baseURL }) => {
  const token = await mintToken("inventory", "read,measurements:write");
  const contract = YAML.parse(await current(request, token, QUIET)) as { sla: Record<string, unknown> };
  const objectives = Object.keys(contract.sla).map((p) => ({ freshness: "FRESHNESS", completeness: "COMPLETENESS", accuracy: "ACCURACY", availability: "AVAILABILITY", lateArrival: "LATE_ARRIVAL" })[p]!);
  expect(objectives.length).toBeGreaterThan(0);
  const good: Record<string, number> = { FRESHNESS: 1, LATE_ARRIVAL: 0, COMPLETENESS: 100, ACCURACY: 100, AVAILABILITY: 100 };

  // 2,000 met measurements, 60 days old (outside every window), unique to this run.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tessera-e2e-cli-"));
  const t0 = Date.now() - 60 * 86_400_000 - Math.floor(Math.random() * 86_400_000);
  const N = 2000;
  const lines = Array.from({ length: N }, (_, i) => {
    const objective = objectives[i % objectives.length]!;
    return JSON.stringify({ product: QUIET, objective, value: good[objective], observedAt: new Date(t0 + i * 1000).toISOString() });
  });
  fs.writeFileSync(path.join(dir, "m.jsonl"), `${lines.join("\n")}\n`);
  const args = ["measurements", "post", "m.jsonl", "--url", baseURL!, "--batch-size", "50"];
  const env = { TESSERA_TOKEN: token };

  // Killed as soon as the first batch is acknowledged.
  const first = tessera(args, { cwd: dir, env });
  await new Promise<void>((resolve) => {
    first.child.stderr!.on("data", (d: Buffer) => {
      if (/lines 1-50: \d+ accepted/.test(String(d))) resolve();
    });
    first.child.on("close", () => resolve());
  });
  first.child.kill("SIGKILL");
  await first;
  const state = JSON.parse(fs.readFileSync(path.join(dir, "m.jsonl.tessera-state"), "utf8")) as { line: number };
  expect(state.line).toBeGreaterThanOrEqual(50);
  expect(state.line).toBeLessThan(N);

  const second = await tessera(args, { cwd: dir, env });
  expect(second.code, second.stderr).toBe(0);
  expect(second.stderr).toContain(`Resuming after line ${state.line}`);
  expect(second.stdout).toContain(`${N - state.line} measurements sent (resumed after line ${state.line})`);
  expect(second.stdout).toContain("0 rejected");

  // Everything is stored exactly once: sending the whole file again stores nothing new.
  const again = await tessera([...args, "--restart", "--quiet"], { cwd: dir, env });
  expect(again.code, again.stderr).toBe(0);
  expect(again.stdout).toContain(`${N} measurements sent`);
  expect(again.stdout).toContain(`0 accepted, ${N} already stored, 0 rejected`);
});
