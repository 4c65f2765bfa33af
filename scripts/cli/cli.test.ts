import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, it, expect, beforeAll } from "vitest";
import YAML from "yaml";
import { main } from "./main";
import type { Io } from "./io";
import { backoffMs, DEFAULT_RETRY } from "./http";
import { derivedKey } from "./commands/measurements-post";
import { pathSegments } from "./locate";
import { fixturePath } from "../lib/shared-fixtures";

const ODCS = fixturePath("odcs", "examples");
const BIN = path.resolve(process.cwd(), "scripts/cli/bin.mjs");

const v1 = {
  name: "Order facts",
  version: "1.2.0",
  owner: "orders",
  schema: {
    fields: [
      { name: "order_id", type: "string", required: true },
      { name: "customer_email", type: "string", tags: ["PII"] },
      { name: "note", type: "string" },
    ],
  },
  sla: { freshness: { maxAgeMinutes: 60 } },
  semantics: { summary: "One row per order." },
};
const variant = (version: string, fn: (d: typeof v1) => void = () => {}) => {
  const d = structuredClone(v1);
  d.version = version;
  fn(d);
  return YAML.stringify(d);
};
const dropNote = (d: typeof v1) => void d.schema.fields.pop();

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tessera-cli-unit-"));
  const files: Record<string, string> = {
    "v1.yaml": variant("1.2.0"),
    "v2-minor.yaml": variant("1.3.0", dropNote),
    "v2-major.yaml": variant("2.0.0", dropNote),
    "v2-added.yaml": variant("1.3.0", (d) => d.schema.fields.push({ name: "channel", type: "string" } as never)),
    "bad.yaml": "name: Order facts\nversion: 1.2\nowner: orders\nschema:\n  fields:\n    - name: id\n      type: varchar\nsla: {}\nsemantics:\n  summary: x\n",
    "broken.yaml": "name: [unclosed\n",
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => void out.push(t), err: (t) => void err.push(t), env: {}, cwd: dir, fetch: () => Promise.reject(new Error("no network in unit tests")), sleep: async () => {} };
  const code = await main(argv, io);
  return { code, out: out.join(""), err: err.join("") };
}

describe("tessera contract lint", () => {
  it("accepts a valid native contract (exit 0), with the PII warning and its line", async () => {
    const r = await run("contract", "lint", "v1.yaml");
    expect(r.code).toBe(0);
    expect(r.out).toContain("v1.yaml:9:7: warning: customer_email: Field `customer_email` is tagged PII and has no mask");
    expect(r.out).toContain("v1.yaml: valid Tessera contract 1.2.0: 0 errors, 1 warning");
  });

  it("reports every error with its line and column (exit 1)", async () => {
    const r = await run("contract", "lint", "bad.yaml");
    expect(r.code).toBe(1);
    expect(r.out).toContain("bad.yaml:2:10: error: version: Version must be MAJOR.MINOR.PATCH");
    expect(r.out).toContain('bad.yaml:7:13: error: schema.fields[0].type: Unknown type "varchar"');
    expect(r.out).toContain("2 errors");
    const syntax = await run("contract", "lint", "broken.yaml");
    expect(syntax.code).toBe(1);
    expect(syntax.out).toMatch(/broken\.yaml:\d+:\d+: error: /);
  });

  it("detects ODCS and lists the mapping notes as warnings with lines", async () => {
    const r = await run("contract", "lint", path.join(ODCS, "database-table-sla.odcs.yaml"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/database-table-sla\.odcs\.yaml:22:5: warning: slaProperties\[4\]: SLA property "retention"/);
    expect(r.out).toContain("valid ODCS v3 document 1.0.0: 0 errors");
  });

  it("turns governance checks into errors with --tier and --class, and writes JSON and GitHub annotations", async () => {
    const r = await run("contract", "lint", "v1.yaml", "--tier", "gold", "--class", "OPERATIONAL", "--format", "json");
    expect(r.code).toBe(1);
    const body = JSON.parse(r.out);
    expect(body.messages.map((m: { rule: string }) => m.rule)).toEqual(["pii.gold-masked", "class.minimum-promises", "class.minimum-promises"]);
    expect(body).toMatchObject({ errors: 3, warnings: 0, format: "NATIVE" });
    expect((await run("contract", "lint", "v1.yaml", "--tier", "silver")).code).toBe(0);
    const gh = await run("contract", "lint", "bad.yaml", "--format", "github");
    expect(gh.out).toContain("::error file=bad.yaml,line=7,col=13,title=contract.document::schema.fields[0].type: Unknown type");
  });

  it("usage errors and unreadable files exit 2 with the help", async () => {
    const missing = await run("contract", "lint", "nope.yaml");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("nope.yaml: no such file");
    const unknown = await run("contract", "lint", "v1.yaml", "--strict");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("Unknown option '--strict'");
    expect(unknown.err).toContain("usage: tessera contract lint FILE");
    expect((await run("contract", "lint", "v1.yaml", "--tier", "platinum")).code).toBe(2);
    expect((await run("contract", "lint")).code).toBe(2);
  });
});

describe("tessera contract diff", () => {
  it("a field removal declared as a minor exits 1 with the change listed and the version to use", async () => {
    const r = await run("contract", "diff", "v1.yaml", "v2-minor.yaml");
    expect(r.code).toBe(1);
    expect(r.out).toContain("MAJOR  note  Field `note` removed.");
    expect(r.out).toContain("required bump MAJOR");
    expect(r.out).toContain("SEMVER VIOLATION: Declared MINOR (1.2.0 -> 1.3.0) but the diff requires MAJOR: Field `note` removed. Use 2.0.0 or higher.");
  });

  it("the same removal as a major, or an addition as a minor, exits 0", async () => {
    const major = await run("contract", "diff", "v1.yaml", "v2-major.yaml");
    expect(major.code).toBe(0);
    expect(major.out).toContain("OK: 2.0.0 is a MAJOR bump from 1.2.0; the changes require MAJOR.");
    const minor = await run("contract", "diff", "v1.yaml", "v2-added.yaml");
    expect(minor.code).toBe(0);
    expect(minor.out).toContain("MINOR  channel  New optional field `channel` (string).");
    expect((await run("contract", "diff", "v1.yaml", "v1.yaml")).out).toContain("No changes.");
  });

  it("--format json carries classes, bumps and the verdict; --format markdown is a PR comment", async () => {
    const json = await run("contract", "diff", "v1.yaml", "v2-minor.yaml", "--format", "json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({
      old: { version: "1.2.0" },
      new: { version: "1.3.0" },
      required: "MAJOR",
      declared: "MINOR",
      suggested: "2.0.0",
      ok: false,
      changes: [{ path: "note", kind: "field.removed", class: "MAJOR", message: "Field `note` removed." }],
    });
    const md = await run("contract", "diff", "v1.yaml", "v2-minor.yaml", "--format", "markdown");
    expect(md.code).toBe(1);
    expect(md.out).toContain(":x: **Semver violation**");
    expect(md.out).toContain("| **MAJOR** | `note` | Field `note` removed. |");
    expect(md.out).toContain("### Breaking changes (MAJOR)");
  });

  it("diffs ODCS documents too: a property removed in a minor is a violation", async () => {
    const odcs = YAML.parse(fs.readFileSync(path.join(ODCS, "full-example.odcs.yaml"), "utf8"));
    const removed = odcs.schema[1].properties.pop().name as string;
    odcs.version = "1.2.0";
    fs.writeFileSync(path.join(dir, "odcs-next.yaml"), YAML.stringify(odcs));
    const r = await run("contract", "diff", path.join(ODCS, "full-example.odcs.yaml"), "odcs-next.yaml", "--format", "json");
    expect(r.code, r.err).toBe(1);
    const body = JSON.parse(r.out);
    expect(body).toMatchObject({ required: "MAJOR", declared: "MINOR", ok: false, suggested: "2.0.0" });
    expect(body.changes).toContainEqual(expect.objectContaining({ kind: "field.removed", class: "MAJOR" }));
    expect(body.changes.find((c: { kind: string }) => c.kind === "field.removed").path).toMatch(new RegExp(`\\.${removed}$`));
  });

  it("an invalid or unreadable document exits 2, naming the file and line", async () => {
    const bad = await run("contract", "diff", "v1.yaml", "bad.yaml");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("bad.yaml is not a valid contract (2 errors");
    expect(bad.err).toContain("bad.yaml:7:13: schema.fields[0].type");
    expect((await run("contract", "diff", "v1.yaml", "gone.yaml")).code).toBe(2);
    expect((await run("contract", "diff", "v1.yaml")).code).toBe(2);
    expect((await run("contract", "diff", "v1.yaml", "v2-minor.yaml", "--format", "html")).code).toBe(2);
  });
});

describe("argument handling of the HTTP commands (no server needed)", () => {
  it("publish needs --product, a URL and a token, each explained (exit 2)", async () => {
    expect((await run("contract", "publish", "v1.yaml", "--url", "http://x")).err).toContain("--product KEY is required");
    expect((await run("contract", "publish", "v1.yaml", "--product", "a.b.gold")).err).toContain("No server: pass --url");
    expect((await run("contract", "publish", "v1.yaml", "--product", "a.b.gold", "--url", "ftp://x")).err).toContain("--url must be an http(s) URL");
    const noToken = await run("contract", "publish", "v1.yaml", "--product", "a.b.gold", "--url", "http://x", "--token-env", "CI_TOKEN");
    expect(noToken.code).toBe(2);
    expect(noToken.err).toContain("set CI_TOKEN to a team token");
  });

  it("measurements post validates its numbers", async () => {
    const r = await run("measurements", "post", "m.jsonl", "--url", "http://x", "--batch-size", "6000");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--batch-size must be a whole number from 1 to 5000");
  });

  it("unknown commands exit 2; help exits 0", async () => {
    const r = await run("contract", "sign", "x");
    expect(r.code).toBe(2);
    expect(r.err).toContain("try `tessera contract lint`");
    expect((await run("--help")).code).toBe(0);
    expect((await run()).code).toBe(2);
    for (const cmd of [["contract", "lint"], ["contract", "diff"], ["contract", "publish"], ["measurements", "post"]]) {
      const h = await run(...cmd, "--help");
      expect(h.code).toBe(0);
      expect(h.out).toContain(`usage: tessera ${cmd.join(" ")}`);
      expect(h.out).toContain("exit codes:");
    }
    expect((await run("token", "--help")).out).toContain("token create --team SLUG");
  });
});

describe("helpers", () => {
  it("derives the same idempotency key for the same measurement, whatever the key order", () => {
    const a = derivedKey({ product: "p", objective: "FRESHNESS", value: 1, observedAt: "2026-01-01T00:00:00Z" });
    expect(a).toMatch(/^cli-[0-9a-f]{40}$/);
    expect(derivedKey({ observedAt: "2026-01-01T00:00:00Z", value: 1, objective: "FRESHNESS", product: "p" })).toBe(a);
    expect(derivedKey({ product: "p", objective: "FRESHNESS", value: 2, observedAt: "2026-01-01T00:00:00Z" })).not.toBe(a);
  });

  it("backs off exponentially, capped, and honours Retry-After", () => {
    for (let n = 1; n <= 10; n++) {
      const ms = backoffMs(n, DEFAULT_RETRY, null);
      const exp = Math.min(DEFAULT_RETRY.baseMs * 2 ** (n - 1), DEFAULT_RETRY.maxMs);
      expect(ms).toBeGreaterThanOrEqual(exp / 2);
      expect(ms).toBeLessThanOrEqual(exp);
    }
    expect(backoffMs(1, DEFAULT_RETRY, "7")).toBe(7000);
    expect(backoffMs(1, DEFAULT_RETRY, "3600")).toBe(DEFAULT_RETRY.maxMs);
  });

  it("reads message paths back into segments", () => {
    expect(pathSegments("schema.fields[1].type")).toEqual(["schema", "fields", 1, "type"]);
    expect(pathSegments('semantics.fields["a.b"]')).toEqual(["semantics", "fields", "a.b"]);
  });
});

describe("the offline commands stay offline", () => {
  /** Every module reachable through relative imports from a file. */
  function graph(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    const src = fs.readFileSync(file, "utf8");
    for (const m of src.matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^import\s+["']([^"']+)["']/gm)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      if (spec.startsWith("@/") || spec === "server-only" || spec.startsWith("@prisma") || spec === "pg") seen.add(spec);
      if (!spec.startsWith(".")) continue;
      const base = path.resolve(path.dirname(file), spec);
      const target = [base, `${base}.ts`, path.join(base, "index.ts")].find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
      if (target && target.endsWith(".ts")) graph(target, seen);
    }
    return seen;
  }

  it("the commands import no server code, database client or path alias (lint and diff reach the domain code)", () => {
    for (const cmd of ["contract-lint.ts", "contract-diff.ts", "contract-publish.ts", "measurements-post.ts"]) {
      const reached = [...graph(path.resolve(process.cwd(), "scripts/cli/commands", cmd))];
      expect(reached.length).toBeGreaterThanOrEqual(3);
      if (cmd.startsWith("contract-l") || cmd.startsWith("contract-d")) expect(reached.some((m) => m.endsWith("lib/domain/contracts/source.ts"))).toBe(true);
      expect(reached.filter((m) => m.includes("lib/server") || m === "server-only" || m.startsWith("@prisma") || m === "pg" || m.startsWith("@/"))).toEqual([]);
    }
  });
});

describe("the tessera binary", () => {
  const exec = promisify(execFile);
  async function bin(...args: string[]) {
    try {
      const r = await exec(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" }, timeout: 60_000 });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      const x = e as { code?: number; stdout?: string; stderr?: string };
      return { code: x.code ?? -1, stdout: x.stdout ?? "", stderr: x.stderr ?? "" };
    }
  }

  it("runs from any directory: diff of a removal declared as a minor exits 1 with the change; a valid lint exits 0", async () => {
    const diff = await bin("contract", "diff", "v1.yaml", "v2-minor.yaml");
    expect(diff.code, diff.stderr).toBe(1);
    expect(diff.stdout).toContain("Field `note` removed.");
    const lint = await bin("contract", "lint", "v1.yaml");
    expect(lint.code, lint.stderr).toBe(0);
    const usage = await bin("contract", "diff", "v1.yaml");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("usage: tessera contract diff OLD NEW");
  }, 60_000);
});
