// Hostile input at every /api/v1 write (every non-GET operation in ALL_OPERATIONS) and at the team
// server actions: malformed JSON, wrong types, 10 MB bodies, unicode tricks, SQL/HTML injection,
// prototype pollution, x-middleware-subrequest, Origin: null. Never a 500; never a partial write:
// a refused request leaves every table's row count unchanged, an accepted one writes its audit row.
import path from "node:path";
import { randomUUID } from "node:crypto";
import { describe, it, expect, vi, beforeAll } from "vitest";
import fc from "fast-check";
import { getDb } from "@/lib/server/db/client";
import { ALL_OPERATIONS } from "@/lib/server/http/operations";
import type { ApiOperation } from "@/lib/server/http/openapi";
import { makeCtx, type Ctx } from "@/lib/server/auth/context";
import { z } from "zod";
import { createProduct, createTeam, createUser, userCtx } from "./factories";
import { newToken } from "./api-helpers";

process.env.TESSERA_API_RATE_LIMIT = "1000000";

// The signed-in user for cookie-authenticated calls and server actions (next-auth and Next's
// request scope do not exist here: the session lookup is replaced, the database is real).
const session = vi.hoisted(() => ({ sid: null as string | null, ctx: null as unknown }));
vi.mock("@/lib/server/auth/session-cookie", async (orig) => ({ ...(await orig<typeof import("@/lib/server/auth/session-cookie")>()), sessionIdFromToken: async () => session.sid }));
vi.mock("@/lib/server/auth/session", () => ({
  actionCtx: async () => session.ctx,
  requireUserCtx: async () => session.ctx,
  getCurrentUser: async () => null,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const HOSTILE_STRINGS = [
  "'; DROP TABLE \"User\"; --",
  "' OR '1'='1",
  "1; SELECT pg_sleep(5)",
  "<script>alert(document.cookie)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "\u202Egnp.exe",
  "a\u200Bd\u200Dm\u2060in",
  "аdmin", // Cyrillic а
  "e\u0301\u0301\u0301\u0301",
  "\uD800",
  "\uFFFF\uFFFE",
  "💥".repeat(500),
  "a\u0000b",
  "x".repeat(100_000),
  "../../etc/passwd",
  "%00%2e%2e%2f",
  "${jndi:ldap://x}",
  "{{7*7}}",
  "   ",
  "",
];
const WRONG_TYPES: unknown[] = [null, -1, 1e308, true, [1, 2], { $ne: null }, ["'; DROP TABLE x; --"]];
const WHOLE_BODIES: { label: string; raw: string }[] = [
  { label: "invalid JSON", raw: "{not json" },
  { label: "truncated JSON", raw: '{"name": "abc' },
  { label: "JSON null", raw: "null" },
  { label: "JSON array", raw: "[1,2,3]" },
  { label: "JSON string", raw: '"hello"' },
  { label: "JSON number", raw: "42" },
  { label: "empty object", raw: "{}" },
  { label: "prototype pollution", raw: '{"__proto__": {"isPlatformAdmin": true, "role": "OWNER"}, "constructor": {"prototype": {"x": 1}}}' },
  { label: "deep nesting", raw: "[".repeat(5000) + "]".repeat(5000) },
  { label: "BOM and garbage", raw: "\uFEFF{\"a\":1}garbage" },
  { label: "duplicate keys", raw: '{"role":"MEMBER","role":"OWNER","scopes":["read"],"scopes":["admin"]}' },
];
const TEN_MB = "x".repeat(10 * 1024 * 1024);
const SUBREQUEST = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware:proxy:proxy:proxy:proxy:proxy" };

/** Exact row counts of every application table (rate-limit counters and sessions excluded). */
async function counts(): Promise<Record<string, number>> {
  const tables = await getDb().$queryRawUnsafe<{ t: string }[]>(
    `select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('_prisma_migrations', 'RateLimitBucket', 'UserSession') order by 1`,
  );
  const sql = tables.map(({ t }) => `select '${t}' as t, count(*)::int as n from "${t}"`).join(" union all ");
  const rows = await getDb().$queryRawUnsafe<{ t: string; n: number }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

let W: Awaited<ReturnType<typeof buildWorld>>;

async function buildWorld() {
  const owner = await createUser();
  const member = await createUser();
  const team = await createTeam({ owner, members: [member] });
  const other = await createTeam({ owner: await createUser() });
  const product = await createProduct({ team });
  const theirs = await createProduct({ team: other });
  const token = await newToken(team.slug, ["read", "contracts:write", "measurements:write", "subscriptions:write", "lineage:write"]);
  await newToken(team.slug, ["read"]);
  const tokenRow = await getDb().apiToken.findFirstOrThrow({ where: { teamId: team.id, scopes: { equals: ["READ"] } } });
  const sub = await getDb().subscription.create({ data: { productId: theirs.id, consumerTeamId: team.id, pinRange: "^1.0", purpose: "bad input test", status: "PENDING" } });
  const ownerSession = await getDb().userSession.create({ data: { userId: owner.id, expiresAt: new Date(Date.now() + 3600_000) } });
  return { owner, member, team, other, product, theirs, token, tokenRow, sub, ownerSession, ownerCtx: await userCtx(owner) };
}

/** Path parameter values from the world; a new parameter name must be added here. */
function paramValue(name: string): string {
  const map: Record<string, string> = { slug: W.team.slug, userId: W.member.id, tokenId: W.tokenRow.id, key: W.product.key, id: W.sub.id, objective: "FRESHNESS", version: "1.0.0" };
  if (!(name in map)) throw new Error(`bad-input.test.ts: no value for path parameter "${name}": add one to paramValue()`);
  return map[name];
}

/** A plausible body for an operation (from its schema), that hostile values are swapped into. */
function baseBody(op: ApiOperation): Record<string, unknown> {
  if (!op.body) return {};
  const json = z.toJSONSchema(op.body, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, { type?: string | string[]; enum?: unknown[]; items?: { enum?: unknown[] } }> };
  const out: Record<string, unknown> = {};
  for (const [k, s] of Object.entries(json.properties ?? {})) {
    const t = Array.isArray(s.type) ? s.type[0] : s.type;
    out[k] = s.enum ? s.enum[0] : t === "array" ? (s.items?.enum ? [s.items.enum[0]] : []) : t === "number" || t === "integer" ? 1 : t === "boolean" ? false : "plain text";
  }
  const known: Record<string, Record<string, unknown>> = {
    createTeam: { slug: `t-${randomUUID().slice(0, 6)}`, name: "Team" },
    addTeamMember: { email: W.member.email, role: "MEMBER" },
    createToken: { name: "ci", scopes: ["read"] },
    updateProduct: { description: "fine" },
  };
  return { ...out, ...(known[op.operationId] ?? {}) };
}

async function routeModule(op: ApiOperation) {
  const dir = op.path.replace(/^\/api\/v1/, "").replace(/\{(\w+)\}/g, "[$1]");
  return (await import(/* @vite-ignore */ path.join(process.cwd(), "app/api/v1", dir, "route.ts"))) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
}

type Auth = "token" | "cookie";
const safeEncode = (v: string) => {
  try {
    return encodeURIComponent(v);
  } catch {
    return "%EF%BF%BD"; // a lone surrogate has no URL form; the handler still gets the raw value
  }
};

async function send(op: ApiOperation, opts: { auth: Auth; raw?: string | ReadableStream; headers?: Record<string, string>; params?: Record<string, string> }) {
  const mod = await routeModule(op);
  const params = Object.fromEntries([...op.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], opts.params?.[m[1]] ?? paramValue(m[1])]));
  const headers: Record<string, string> = { "content-type": "application/json", ...SUBREQUEST, ...(opts.headers ?? {}) };
  if (opts.auth === "token") headers.authorization = `Bearer ${W.token}`;
  else {
    headers.cookie = "next-auth.session-token=whatever";
    headers.origin ??= "http://localhost:3000";
    session.sid = W.ownerSession.id;
  }
  const url = `http://localhost:3000${op.path.replace(/\{(\w+)\}/g, (_m, n) => safeEncode(params[n]))}`;
  const req = new Request(url, { method: op.method, headers, body: opts.raw, duplex: "half" } as RequestInit);
  const res = await mod[op.method](req, { params: Promise.resolve(params) });
  session.sid = null;
  const text = await res.text();
  return { status: res.status, text };
}

/** The invariant: no 500, an error body on failure, and no partial write. */
async function expectSafe(op: ApiOperation, label: string, fn: () => Promise<{ status: number; text: string }>) {
  const before = await counts();
  const r = await fn();
  const after = await counts();
  const where = `${op.method} ${op.path} with ${label}`;
  expect(r.status, `${where}: ${r.text.slice(0, 300)}`).toBeLessThan(500);
  if (r.status >= 400) {
    const body = JSON.parse(r.text);
    expect(body.error?.code, where).toEqual(expect.any(String));
    expect(r.text, where).not.toMatch(/Prisma|\bat \S+ \(|node_modules|invalid byte sequence|violates|syntax error/);
    expect(after, `${where}: a refused request changed rows`).toEqual(before);
  } else if (JSON.stringify(after) !== JSON.stringify(before)) {
    expect(after.AuditLog, `${where}: an accepted write must leave its audit row`).toBeGreaterThan(before.AuditLog);
  }
  return r;
}

const WRITES = ALL_OPERATIONS.filter((o) => o.method !== "GET");

beforeAll(async () => {
  W = await buildWorld();
});

describe("/api/v1 writes under hostile input", () => {
  it("covers at least the identity writes", () => {
    expect(WRITES.map((o) => o.operationId)).toEqual(expect.arrayContaining(["createTeam", "updateTeam", "addTeamMember", "changeTeamRole", "removeTeamMember", "createToken", "revokeToken", "updateProduct"]));
  });

  describe.each(WRITES.map((o) => [`${o.method} ${o.path}`, o] as [string, ApiOperation]))("%s", (_name, op) => {
    it.each(["token", "cookie"] as Auth[])("whole-body garbage, 10 MB bodies (%s)", async (auth) => {
      for (const b of WHOLE_BODIES) await expectSafe(op, b.label, () => send(op, { auth, raw: b.raw }));
      const declared = await expectSafe(op, "10 MB declared", () => send(op, { auth, raw: TEN_MB, headers: { "content-length": String(TEN_MB.length) } }));
      if (op.body) expect(declared.status).toBe(413);
      const stream = new ReadableStream({
        start(c) {
          for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode(TEN_MB.slice(0, 1024 * 1024)));
          c.close();
        },
      });
      const streamed = await expectSafe(op, "10 MB streamed", () => send(op, { auth, raw: stream }));
      if (op.body) expect(streamed.status).toBe(413);
      await expectSafe(op, "form-encoded body", () => send(op, { auth, raw: "a=1&b=2", headers: { "content-type": "application/x-www-form-urlencoded" } }));
    });

    // As the team's owner (session): every write reaches its service's own validation (a token
    // would be refused before it for team-management writes). Body parsing is shared by both.
    it("hostile and wrongly typed values in every field", async () => {
      const auth: Auth = "cookie";
      const base = baseBody(op);
      for (const field of Object.keys(base)) {
        for (const v of [...HOSTILE_STRINGS, ...WRONG_TYPES]) {
          await expectSafe(op, `${field}=${JSON.stringify(v)?.slice(0, 40)}`, () => send(op, { auth, raw: JSON.stringify({ ...baseBody(op), [field]: v }) }));
        }
      }
      await expectSafe(op, "an extra field smuggling a team id", () => send(op, { auth, raw: JSON.stringify({ ...base, teamId: W.other.id, isPlatformAdmin: true }) }));
    });

    it("hostile path parameters", async () => {
      const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const n of names) {
        for (const v of HOSTILE_STRINGS.filter((s) => s.length < 1000)) {
          await expectSafe(op, `${n}=${JSON.stringify(v).slice(0, 40)}`, () => send(op, { auth: "token", params: { [n]: v }, raw: JSON.stringify(baseBody(op)) }));
        }
      }
    });

    it("random JSON (property-based)", async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom(...Object.keys(baseBody(op)), "x", "__proto__"), fc.jsonValue())), async (value) => {
          await expectSafe(op, `random ${JSON.stringify(value).slice(0, 60)}`, () => send(op, { auth: "token", raw: JSON.stringify(value) }));
        }),
        { numRuns: 25 },
      );
    });

    it("refuses cookie-authenticated calls with Origin: null or cross-site, whatever the body", async () => {
      for (const headers of [{ origin: "null" }, { origin: "https://evil.example" }, { "sec-fetch-site": "cross-site", origin: "http://localhost:3000" }] as Record<string, string>[]) {
        const r = await expectSafe(op, `CSRF ${JSON.stringify(headers)}`, () => send(op, { auth: "cookie", raw: JSON.stringify(baseBody(op)), headers }));
        expect(r.status).toBe(403);
      }
    });
  });
});

// ---------------------------------------------------------------- server actions

type Action = (prev: unknown, form: FormData) => Promise<{ ok: boolean; error?: { code: string; message: string } }>;

describe("team server actions under hostile input", () => {
  const FIELDS: Record<string, () => Record<string, string | string[]>> = {
    createTeamAction: () => ({ slug: `s-${randomUUID().slice(0, 6)}`, name: "Team", description: "", onCallHandle: "", contactChannel: "" }),
    updateTeamAction: () => ({ slug: W.team.slug, name: "Team", description: "d", onCallHandle: "@x", contactChannel: "#x" }),
    addMemberAction: () => ({ slug: W.team.slug, email: "nobody@test.local", role: "MEMBER" }),
    changeRoleAction: () => ({ slug: W.team.slug, userId: W.member.id, role: "MEMBER" }),
    removeMemberAction: () => ({ slug: W.team.slug, userId: "not-a-member" }),
    createTokenAction: () => ({ team: W.team.slug, name: "ci", scopes: ["read"], expiresInDays: "30" }),
    revokeTokenAction: () => ({ team: W.team.slug, tokenId: "not-a-token" }),
  };

  async function invoke(name: string, fields: Record<string, unknown>, ctx: Ctx) {
    const actions = (await import("@/app/(app)/teams/actions")) as unknown as Record<string, Action>;
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, typeof x === "string" ? x : JSON.stringify(x));
    session.ctx = ctx;
    try {
      return await actions[name](null, form);
    } catch (e) {
      if ((e as { digest?: string }).digest?.startsWith("NEXT_REDIRECT")) return { ok: true };
      throw e;
    }
  }

  it("every exported action is covered here", async () => {
    const actions = await import("@/app/(app)/teams/actions");
    expect(Object.keys(actions).filter((k) => typeof (actions as Record<string, unknown>)[k] === "function").sort()).toEqual(Object.keys(FIELDS).sort());
  });

  it.each(Object.keys(FIELDS))("%s: never throws, never a partial write", async (name) => {
    const ctx = W.ownerCtx;
    const base = FIELDS[name]();
    const cases: Record<string, unknown>[] = [{}, { ...base, $ACTION_ID_x: "1" }];
    for (const field of Object.keys(base)) for (const v of [...HOSTILE_STRINGS, ...WRONG_TYPES.slice(0, 4)]) cases.push({ ...FIELDS[name](), [field]: v });
    for (const fields of cases) {
      const before = await counts();
      const r = await invoke(name, fields, ctx);
      const after = await counts();
      const where = `${name}(${JSON.stringify(fields).slice(0, 120)})`;
      if (!r.ok) {
        expect(r.error?.code, `${where}: ${r.error?.message}`).not.toBe("internal");
        expect(after, where).toEqual(before);
      } else if (JSON.stringify(after) !== JSON.stringify(before)) expect(after.AuditLog, where).toBeGreaterThan(before.AuditLog);
    }
  });

  it("refuses a signed-out caller and an outsider whatever the input", async () => {
    const outsider = await userCtx(await createUser());
    for (const name of Object.keys(FIELDS).filter((n) => n !== "createTeamAction")) {
      const before = await counts();
      const r = await invoke(name, FIELDS[name](), outsider);
      expect(r.ok, name).toBe(false);
      expect(["forbidden", "not_found", "validation_failed"]).toContain(r.error?.code);
      const anon = await invoke(name, FIELDS[name](), makeCtx({ kind: "anonymous" }));
      expect(anon.ok).toBe(false);
      expect(await counts()).toEqual(before);
    }
  });
});
