import { describe, it, expect } from "vitest";
import { getDb } from "@/lib/server/db/client";
import * as teams from "@/app/api/v1/teams/route";
import * as product from "@/app/api/v1/products/[key]/route";
import * as me from "@/app/api/v1/me/route";
import { hitRateLimit } from "@/lib/server/services/system/rate-limit";
import { hitLocalRateLimit, localRateLimitKeys, MAX_KEYS } from "@/lib/server/services/system/local-rate-limit";
import { createProduct, createTeam, createUser } from "./factories";
import { call, newToken } from "./api-helpers";

// Low limit for this file only (env is read lazily, at the first call).
process.env.TESSERA_API_RATE_LIMIT = "5";

const COOKIE = { cookie: "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.forged" };

describe("CSRF: cookie-authenticated changes must be same-origin", () => {
  it.each([
    ["a cross-site Sec-Fetch-Site", { "sec-fetch-site": "cross-site" }],
    ["a same-site (sibling subdomain) request", { "sec-fetch-site": "same-site" }],
    ["Origin: null", { origin: "null" }],
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["no Origin and no Sec-Fetch-Site", {}],
  ])("refuses %s with 403 before looking at the session", async (_l, headers) => {
    const before = await getDb().team.count();
    const r = await call(teams.POST, { method: "POST", headers: { ...COOKIE, ...headers }, body: { slug: "csrf-team", name: "CSRF" } });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe("forbidden");
    expect(r.json.error.message).toMatch(/CSRF/);
    expect(await getDb().team.count()).toBe(before);
  });

  it("does not apply to bearer tokens (no ambient credential) nor to reads", async () => {
    const t = await createTeam({ owner: await createUser() });
    const token = await newToken(t.slug, ["read"]);
    const r = await call(teams.GET, { token, headers: { origin: "null", "sec-fetch-site": "cross-site" } });
    expect(r.status).toBe(200);
  });
});

describe("body handling", () => {
  async function writer() {
    const t = await createTeam({ owner: await createUser() });
    const p = await createProduct({ team: t });
    return { key: p.key, id: p.id, token: await newToken(t.slug, ["contracts:write"]) };
  }

  it("answers 413 to a body over the limit, declared or streamed, and changes nothing", async () => {
    const w = await writer();
    const big = JSON.stringify({ description: "x".repeat(2 * 1024 * 1024) });
    const declared = await call(product.PATCH, { method: "PATCH", token: w.token, params: { key: w.key }, rawBody: big, headers: { "content-type": "application/json", "content-length": String(big.length) } });
    expect(declared.status).toBe(413);
    expect(declared.json.error.code).toBe("payload_too_large");
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode("x".repeat(512 * 1024)));
        c.close();
      },
    });
    const streamed = await call(product.PATCH, { method: "PATCH", token: w.token, params: { key: w.key }, rawBody: stream, headers: { "content-type": "application/json" } });
    expect(streamed.status).toBe(413);
    expect((await getDb().dataProduct.findUniqueOrThrow({ where: { id: w.id } })).description).toBe("");
  });

  it("answers 400 to invalid JSON, 415 to a non-JSON body, 400 to NUL characters", async () => {
    const w = await writer();
    const r1 = await call(product.PATCH, { method: "PATCH", token: w.token, params: { key: w.key }, rawBody: "{not json", headers: { "content-type": "application/json" } });
    expect([r1.status, r1.json.error.code]).toEqual([400, "validation_failed"]);
    const r2 = await call(product.PATCH, { method: "PATCH", token: w.token, params: { key: w.key }, rawBody: "description=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect([r2.status, r2.json.error.code]).toEqual([415, "unsupported_media_type"]);
    const r3 = await call(product.PATCH, { method: "PATCH", token: w.token, params: { key: w.key }, body: { description: "a\u0000b" } });
    expect([r3.status, r3.json.error.code]).toEqual([400, "validation_failed"]);
  });
});

describe("rate limits", () => {
  it("limits each token per minute with 429 and Retry-After, independently of other tokens", async () => {
    const t = await createTeam({ owner: await createUser() });
    const a = await newToken(t.slug, ["read"]);
    const b = await newToken(t.slug, ["read"]);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await call(me.GET, { token: a })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await call(me.GET, { token: a });
    expect(limited.json.error.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call(me.GET, { token: b })).status).toBe(200);
    // Counted in memory: API requests write nothing to the database.
    expect(await getDb().rateLimitBucket.count({ where: { key: { startsWith: "api:" } } })).toBe(0);
  });

  it("keeps a bounded number of API counters in memory, forgetting the least recently used", () => {
    const t0 = Date.parse("2030-01-01T00:00:00Z");
    for (let i = 0; i < 5; i++) hitLocalRateLimit("test:busy", 5, 60_000, t0);
    for (let i = 0; i < MAX_KEYS + 10; i++) {
      hitLocalRateLimit(`test:k${i}`, 5, 60_000, t0);
      if (i % 1000 === 0) expect(hitLocalRateLimit("test:busy", 5, 60_000, t0).ok).toBe(false); // kept: recently used
    }
    expect(localRateLimitKeys()).toBe(MAX_KEYS);
    expect(hitLocalRateLimit("test:k0", 5, 60_000, t0)).toMatchObject({ ok: true, count: 1 }); // forgotten, starts over
  });

  it("counts in a fixed window shared through the database, and starts over after it", async () => {
    const key = `test:${Math.random()}`;
    const t0 = new Date("2030-01-01T00:00:00Z");
    const hits = await Promise.all(Array.from({ length: 10 }, () => hitRateLimit(key, 5, 60_000, t0)));
    expect(hits.map((h) => h.count).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(hits.filter((h) => h.ok)).toHaveLength(5);
    const later = await hitRateLimit(key, 5, 60_000, new Date(t0.getTime() + 61_000));
    expect(later).toMatchObject({ ok: true, count: 1 });
  });
});
