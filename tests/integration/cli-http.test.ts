// The CLI's HTTP commands run in-process against the real route handlers and a real database: the
// CLI's fetch is routed to app/api/v1 handlers (no HTTP server needed), with failures injected in
// front of them to exercise retries and resuming.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it, expect, beforeAll } from "vitest";
import YAML from "yaml";
import { getDb } from "@/lib/server/db/client";
import * as contracts from "@/app/api/v1/products/[key]/contracts/route";
import * as measurements from "@/app/api/v1/measurements/route";
import { publishContractVersion } from "@/lib/server/services/contracts/publish-contract-version";
import { makeCtx } from "@/lib/server/auth/context";
import { main } from "@/scripts/cli/main";
import { STATE_SUFFIX } from "@/scripts/cli/commands/measurements-post";
import type { Io } from "@/scripts/cli/io";
import { newToken } from "./api-helpers";
import { doc, world } from "./subscription-fixtures";

type Fetch = typeof fetch;

/** fetch for the CLI that calls the route handlers in-process. */
const routed: Fetch = async (input, init) => {
  const url = new URL(String(input));
  const req = new Request(url, { ...init, duplex: "half" } as RequestInit);
  const m = url.pathname.match(/^\/api\/v1\/products\/([^/]+)\/contracts$/);
  if (m) return contracts.POST(req, { params: Promise.resolve({ key: decodeURIComponent(m[1]!) }) });
  if (url.pathname === "/api/v1/measurements") return measurements.POST(req, { params: Promise.resolve({}) });
  return new Response("not found", { status: 404 });
};

function io(opts: { token: string; fetch?: Fetch; cwd?: string }) {
  const out: string[] = [];
  const err: string[] = [];
  const sleeps: number[] = [];
  const value: Io = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    env: { TESSERA_TOKEN: opts.token },
    cwd: opts.cwd ?? fs.mkdtempSync(path.join(os.tmpdir(), "tessera-cli-")),
    fetch: opts.fetch ?? routed,
    sleep: async (ms) => void sleeps.push(ms),
  };
  return { io: value, out: () => out.join(""), err: () => err.join(""), sleeps };
}

const URL_ARG = ["--url", "http://tessera.test"];
// Through main(), as the binary runs them: errors become messages and exit codes.
const contractPublish = (argv: string[], x: Io) => main(["contract", "publish", ...argv], x);
const measurementsPost = (argv: string[], x: Io) => main(["measurements", "post", ...argv], x);

describe("tessera contract publish", () => {
  let w: Awaited<ReturnType<typeof world>>;
  let token: string;
  beforeAll(async () => {
    w = await world();
    token = await newToken(w.ownerTeam.slug, ["contracts:write"]);
    // The consumer team pins ^2.0 (resolved to 2.1.0); a notice deprecates 2.x.
    const v21 = await getDb().contractVersion.findFirstOrThrow({ where: { productId: w.gold.id, version: "2.1.0" } });
    await getDb().subscription.create({ data: { productId: w.gold.id, consumerTeamId: w.consumerTeam.id, pinRange: "^2.0", purpose: "reports", status: "ACTIVE", resolvedVersionId: v21.id } });
    await getDb().deprecationNotice.create({ data: { productId: w.gold.id, targetRange: "2.x", reason: "Moving to 3.x", sunsetAt: new Date(Date.now() + 200 * 86_400_000) } });
  });

  const write = (t: ReturnType<typeof io>, name: string, version: string, fields: string[]) => {
    fs.writeFileSync(path.join(t.io.cwd, name), YAML.stringify(doc(version, fields)));
    return name;
  };

  it("--dry-run of a field removal declared as a minor: refused (exit 1) with the change, the rule and the subscriber it would break; nothing written", async () => {
    const t = io({ token });
    const file = write(t, "c.yaml", "2.2.0", ["id", "amount", "channel"]);
    const code = await contractPublish([file, "--product", w.gold.key, "--dry-run", ...URL_ARG], t.io);
    expect(code, t.err()).toBe(1);
    const out = t.out();
    expect(out).toContain("MAJOR  note  Field `note` removed.");
    expect(out).toContain("Required bump: MAJOR; declared: MINOR");
    expect(out).toContain("[version.semver-bump]");
    expect(out).toContain(`${w.consumerTeam.slug} (^2.0): 2.1.0 -> 2.2.0, BREAKS: Field \`note\` removed.`);
    expect(out).toMatch(/deprecation of 2\.x, sunset \d{4}-\d\d-\d\d \(Moving to 3\.x\): covers .*; the new version falls inside it/);
    expect(out).toContain("Refused: 2.2.0 would not be published (HTTP 422)");
    expect(await getDb().contractVersion.count({ where: { productId: w.gold.id } })).toBe(2);

    const json = io({ token, cwd: t.io.cwd });
    expect(await contractPublish([file, "--product", w.gold.key, "--dry-run", "--format", "json", ...URL_ARG], json.io)).toBe(1);
    const body = JSON.parse(json.out());
    expect(body.error.code).toBe("rule_violation");
    expect(body.report.impact).toMatchObject({ breaks: 1, subscribers: [{ consumerTeam: w.consumerTeam.slug, effect: "BREAKS", from: "2.1.0", to: "2.2.0" }] });
  });

  it("a dry run that passes exits 0 and writes nothing; the real publish writes the version", async () => {
    const t = io({ token });
    const file = write(t, "c.yaml", "2.2.0", ["id", "amount", "note", "channel", "region"]);
    expect(await contractPublish([file, "--product", w.gold.key, "--dry-run", ...URL_ARG], t.io), t.out()).toBe(0);
    expect(t.out()).toContain("OK: 2.2.0 can be published (dry run: nothing written).");
    expect(t.out()).toContain(`${w.consumerTeam.slug} (^2.0): 2.1.0 -> 2.2.0, upgrades (compatible)`);
    expect(await getDb().contractVersion.count({ where: { productId: w.gold.id } })).toBe(2);

    const real = io({ token, cwd: t.io.cwd });
    expect(await contractPublish([file, "--product", w.gold.key, ...URL_ARG], real.io), real.out()).toBe(0);
    expect(real.out()).toContain("Published 2.2.0.");
    expect(await getDb().contractVersion.count({ where: { productId: w.gold.id, version: "2.2.0" } })).toBe(1);
    // Publishing it again: the version is taken (409), refused with exit 1.
    const again = io({ token, cwd: t.io.cwd });
    expect(await contractPublish([file, "--product", w.gold.key, ...URL_ARG], again.io)).toBe(1);
    expect(again.out()).toContain("[version.unique]");
  });

  it("a wrong token or an unknown product is exit 2, with what to check", async () => {
    const t = io({ token: "tsr_00000000_nope" });
    const file = write(t, "c.yaml", "2.3.0", ["id"]);
    expect(await contractPublish([file, "--product", w.gold.key, "--dry-run", ...URL_ARG], t.io)).toBe(2);
    expect(t.err()).toContain("HTTP 401");
    const reader = io({ token: await newToken(w.ownerTeam.slug, ["read"]), cwd: t.io.cwd });
    expect(await contractPublish([file, "--product", w.gold.key, "--dry-run", ...URL_ARG], reader.io)).toBe(2);
    expect(reader.err()).toContain("contracts:write");
    const missing = io({ token, cwd: t.io.cwd });
    expect(await contractPublish([file, "--product", "nope.nothing.gold", "--dry-run", ...URL_ARG], missing.io)).toBe(2);
    expect(missing.err()).toContain("HTTP 404");
  });

  it("a dry run is retried on 503 and network errors, with backoff", async () => {
    let calls = 0;
    const flaky: Fetch = async (input, init) => {
      calls++;
      if (calls === 1) return new Response(JSON.stringify({ error: { code: "unavailable", message: "down" } }), { status: 503, headers: { "retry-after": "2" } });
      if (calls === 2) throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
      return routed(input, init);
    };
    const t = io({ token, fetch: flaky });
    const file = write(t, "c.yaml", "2.3.0", ["id", "amount", "note", "channel", "region"]);
    expect(await contractPublish([file, "--product", w.gold.key, "--dry-run", ...URL_ARG], t.io), t.err()).toBe(0);
    expect(calls).toBe(3);
    expect(t.sleeps[0]).toBe(2000); // Retry-After honoured
    expect(t.err()).toContain("HTTP 503: retrying");
    expect(t.err()).toContain("ECONNRESET: retrying");
  });
});

describe("tessera measurements post", () => {
  const TOTAL = 2500;
  let w: Awaited<ReturnType<typeof world>>;
  let token: string;
  let key: string;
  beforeAll(async () => {
    w = await world();
    key = w.silver.key;
    // A published contract with freshness and completeness promises gives the product its SLOs.
    const ctx = makeCtx({ kind: "system", label: "test" });
    const d = { ...doc("1.1.0", ["id"]), owner: w.ownerTeam.slug, sla: { freshness: { maxAgeMinutes: 60 }, completeness: { minPercent: 99 } } };
    await publishContractVersion({ ctx, input: { key, source: YAML.stringify(d) } });
    token = await newToken(w.ownerTeam.slug, ["measurements:write"]);
  });

  /** TOTAL lines: most without an idempotency key, one invalid item (line 7) and one line that is not JSON (line 2202). */
  function jsonl(dir: string): string {
    const t0 = Date.UTC(2026, 10, 1);
    const lines = Array.from({ length: TOTAL }, (_, i) => {
      const m: Record<string, unknown> = { product: key, objective: i % 2 ? "FRESHNESS" : "COMPLETENESS", value: i % 2 ? 12 : 99.5, observedAt: new Date(t0 + i * 60_000).toISOString() };
      if (i % 10 === 0) m.idempotencyKey = `run-${i}`;
      if (i === 6) m.value = "late";
      return i === 2201 ? "{not json" : JSON.stringify(m);
    });
    fs.writeFileSync(path.join(dir, "m.jsonl"), `${lines.join("\n")}\n`);
    return "m.jsonl";
  }
  const stored = async () => getDb().sloMeasurement.count({ where: { productId: w.silver.id } });

  it("sends batches of 1,000, reports rejected lines by number, resumes after an interruption, and re-sending is harmless", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tessera-cli-m-"));
    const file = jsonl(dir);
    // The network dies after two acknowledged batches (no retries left).
    let posts = 0;
    const dying: Fetch = async (input, init) => {
      if (++posts > 2) throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
      return routed(input, init);
    };
    const first = io({ token, fetch: dying, cwd: dir });
    expect(await measurementsPost([file, "--retries", "0", ...URL_ARG], first.io)).toBe(2);
    expect(first.err()).toContain("ECONNREFUSED");
    expect(first.err()).toContain("Lines up to 2000 are acknowledged");
    const state = JSON.parse(fs.readFileSync(path.join(dir, `${file}${STATE_SUFFIX}`), "utf8"));
    expect(state.line).toBe(2000);
    expect(await stored()).toBe(1999); // line 7 rejected

    // Resumed: only lines after 2000 are sent.
    const second = io({ token, cwd: dir });
    expect(await measurementsPost([file, ...URL_ARG], second.io)).toBe(1);
    expect(second.err()).toContain("Resuming after line 2000");
    expect(second.out()).toContain(`${file}:2202: not_json:`);
    expect(second.out()).toContain("499 measurements sent (resumed after line 2000)");
    expect(await stored()).toBe(TOTAL - 2);

    // Nothing left: a third run sends nothing; --restart re-sends everything, stored once.
    const third = io({ token, cwd: dir });
    expect(await measurementsPost([file, ...URL_ARG], third.io)).toBe(0);
    expect(third.err()).toContain("Nothing to send");
    const again = io({ token, cwd: dir });
    expect(await measurementsPost([file, "--restart", ...URL_ARG], again.io)).toBe(1);
    expect(again.out()).toContain(`${file}:7: invalid: value:`);
    expect(again.out()).toContain(`0 accepted, ${TOTAL - 2} already stored, 2 rejected`);
    expect(await stored()).toBe(TOTAL - 2);
  });

  it("retries a 429 with the server's Retry-After, and refuses a state file whose sent lines changed", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tessera-cli-m-"));
    fs.writeFileSync(path.join(dir, "a.jsonl"), `${JSON.stringify({ product: key, objective: "FRESHNESS", value: 5, observedAt: "2026-11-20T10:00:00Z" })}\n`);
    let calls = 0;
    const limited: Fetch = async (input, init) => (++calls === 1 ? new Response("{}", { status: 429, headers: { "retry-after": "3" } }) : routed(input, init));
    const t = io({ token, fetch: limited, cwd: dir });
    expect(await measurementsPost(["a.jsonl", ...URL_ARG], t.io), t.err()).toBe(0);
    expect(t.sleeps).toEqual([3000]);
    expect(t.out()).toContain("1 accepted");

    fs.writeFileSync(path.join(dir, "a.jsonl"), `${JSON.stringify({ product: key, objective: "FRESHNESS", value: 6, observedAt: "2026-11-20T10:00:00Z" })}\n`);
    const changed = io({ token, cwd: dir });
    expect(await measurementsPost(["a.jsonl", ...URL_ARG], changed.io)).toBe(2);
    expect(changed.err()).toContain("--restart");
  });
});
