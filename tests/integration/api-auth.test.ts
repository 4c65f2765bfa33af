import { describe, it, expect } from "vitest";
import { getDb } from "@/lib/server/db/client";
import * as me from "@/app/api/v1/me/route";
import * as team from "@/app/api/v1/teams/[slug]/route";
import * as teams from "@/app/api/v1/teams/route";
import * as tokens from "@/app/api/v1/teams/[slug]/tokens/route";
import * as product from "@/app/api/v1/products/[key]/route";
import * as audit from "@/app/api/v1/audit/route";
import { makeCtx } from "@/lib/server/auth/context";
import { revokeToken } from "@/lib/server/services/tokens/revoke-token";
import { createProduct, createTeam, createUser } from "./factories";
import { call, newToken } from "./api-helpers";

async function setup() {
  const owner = await createUser();
  const t = await createTeam({ owner });
  const other = await createTeam({ owner: await createUser() });
  const mine = await createProduct({ team: t });
  const theirs = await createProduct({ team: other });
  return { owner, team: t, other, mine, theirs };
}

const expectError = (r: { status: number; json: any }, status: number, code: string) => {
  expect(r.status).toBe(status);
  expect(r.json).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
  expect(JSON.stringify(r.json)).not.toMatch(/prisma|stack|at \w+ \(|node_modules|SELECT|constraint/i);
};

describe("bearer tokens on /api/v1", () => {
  it("identifies the token, its team and scopes", async () => {
    const s = await setup();
    const token = await newToken(s.team.slug, ["read", "lineage:write"]);
    const r = await call(me.GET, { token });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ kind: "token", token: { name: expect.any(String), team: s.team.slug, scopes: ["read", "lineage:write"] } });
    expect(r.headers.get("x-request-id")).toBeTruthy();
    // A small answer is not worth gzip: no-transform keeps the server from compressing it.
    expect(r.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(r.headers.get("ratelimit-limit")).toBe("600");
  });

  it("answers 401 without credentials, with a malformed, unknown, revoked or expired token", async () => {
    const s = await setup();
    expectError(await call(me.GET, {}), 401, "unauthenticated");
    expectError(await call(me.GET, { headers: { authorization: "Basic abc" } }), 401, "unauthenticated");
    expectError(await call(me.GET, { token: "tsr_deadbeef_" + "x".repeat(32) }), 401, "unauthenticated");
    const token = await newToken(s.team.slug, ["read"]);
    const row = await getDb().apiToken.findFirstOrThrow({ where: { teamId: s.team.id } });
    await revokeToken({ ctx: makeCtx({ kind: "system", label: "t" }), input: { team: s.team.slug, tokenId: row.id } });
    const r = await call(me.GET, { token });
    expectError(r, 401, "unauthenticated");
    expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const expiring = await newToken(s.team.slug, ["read"]);
    await getDb().apiToken.updateMany({ where: { teamId: s.team.id, revokedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectError(await call(me.GET, { token: expiring }), 401, "unauthenticated");
  });

  it("works within its scopes and gets 403 outside them", async () => {
    const s = await setup();
    const read = await newToken(s.team.slug, ["read"]);
    const write = await newToken(s.team.slug, ["contracts:write"]);
    // read: the team's members and audit; not a product change.
    const t = await call(team.GET, { token: read, params: { slug: s.team.slug } });
    expect(t.status).toBe(200);
    expect(t.json.members).toHaveLength(1);
    expect((await call(audit.GET, { token: read, path: `/api/v1/audit?team=${s.team.slug}` })).status).toBe(200);
    expectError(await call(product.PATCH, { method: "PATCH", token: read, params: { key: s.mine.key }, body: { description: "x" } }), 403, "forbidden");
    // contracts:write: the team's own product only.
    const ok = await call(product.PATCH, { method: "PATCH", token: write, params: { key: s.mine.key }, body: { description: "Written by CI", tags: ["ci"] } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ key: s.mine.key, description: "Written by CI", tags: ["ci"] });
    expectError(await call(product.PATCH, { method: "PATCH", token: write, params: { key: s.theirs.key }, body: { description: "hijack" } }), 403, "forbidden");
    expect((await getDb().dataProduct.findUniqueOrThrow({ where: { id: s.theirs.id } })).description).toBe("");
    expectError(await call(audit.GET, { token: write, path: `/api/v1/audit?team=${s.team.slug}` }), 403, "forbidden");
    // Tokens cannot create teams nor manage tokens, whatever their scopes.
    const all = await newToken(s.team.slug, ["read", "contracts:write", "measurements:write", "subscriptions:write", "lineage:write"]);
    expectError(await call(teams.POST, { method: "POST", token: all, body: { slug: "by-token", name: "x" } }), 403, "forbidden");
    expectError(await call(tokens.POST, { method: "POST", token: all, params: { slug: s.team.slug }, body: { name: "x", scopes: ["read"] } }), 403, "forbidden");
    expectError(await call(tokens.GET, { token: all, params: { slug: s.team.slug } }), 403, "forbidden");
    // The audit trail names the token as the actor of its write.
    const entry = await getDb().auditLog.findFirstOrThrow({ where: { entityId: s.mine.id, action: "product.update" } });
    expect(entry.actorTokenId).not.toBeNull();
    expect(entry.actorLabel).toMatch(/^token /);
  });

  it("maps unknown things to 404 and bad input to 400 with every issue", async () => {
    const s = await setup();
    const write = await newToken(s.team.slug, ["contracts:write", "read"]);
    expectError(await call(product.PATCH, { method: "PATCH", token: write, params: { key: "no.such.gold" }, body: { name: "x" } }), 404, "not_found");
    expectError(await call(team.GET, { token: write, params: { slug: "nope" } }), 404, "not_found");
    const bad = await call(product.PATCH, { method: "PATCH", token: write, params: { key: s.mine.key }, body: { name: "", tags: ["Bad Tag"], reliabilityClass: "NOPE" } });
    expectError(bad, 400, "validation_failed");
    expect(bad.json.error.details.map((d: { path: string[] }) => d.path.join("."))).toEqual(expect.arrayContaining(["name", "tags.0", "reliabilityClass"]));
    expectError(await call(product.PATCH, { method: "PATCH", token: write, params: { key: s.mine.key }, body: { teamId: s.other.id } }), 400, "validation_failed");
    expectError(await call(audit.GET, { token: write, path: "/api/v1/audit?limit=100000" }), 400, "validation_failed");
  });
});
