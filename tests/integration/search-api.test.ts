// GET /api/v1/products and /api/v1/search/suggest through the real route handlers, with tokens.
import { beforeAll, describe, it, expect } from "vitest";
import * as products from "@/app/api/v1/products/route";
import * as suggest from "@/app/api/v1/search/suggest/route";
import { call, newToken } from "./api-helpers";
import { makeProduct, searchWorld, uid } from "./search-fixtures";
import { getDb } from "@/lib/server/db/client";

const dom = `api${uid()}`;
let token = "";
let gold = "";

beforeAll(async () => {
  const w = await searchWorld("Api crew");
  gold = (await makeProduct(w.team.id, { domain: dom, topic: "invoice_lines", tier: "GOLD", name: "Invoice lines", tags: ["finance"] })).key;
  await makeProduct(w.team.id, { domain: dom, topic: "invoice_lines", tier: "SILVER", name: "Invoice lines (cleaned)", tags: ["finance"] });
  await makeProduct(w.team.id, { domain: dom, topic: "invoice_lines", tier: "BRONZE", name: "Invoice lines (raw)", slo: "RED" });
  const team = await getDb().team.findUniqueOrThrow({ where: { id: w.team.id }, select: { slug: true } });
  token = await newToken(team.slug, ["read"]);
});

const get = (path: string, fn = products.GET, auth = true) => call(fn, { path, token: auth ? token : undefined });

describe("GET /api/v1/products", () => {
  it("returns ranked results with facets for words and filters", async () => {
    const r = await get(`/api/v1/products?q=invoce+lines&domain=${dom}`);
    expect(r.status).toBe(200);
    expect(r.json.items[0].key).toBe(gold);
    expect(r.json.total).toEqual({ value: 3, kind: "exact" });
    expect(r.json.facets.tier.map((v: { value: string }) => v.value).sort()).toEqual(["BRONZE", "GOLD", "SILVER"]);
    expect(r.json.query.corrections.invoce).toBeDefined();
    expect(r.json.state).toBeUndefined();
  });

  it("combines repeated and comma-separated values", async () => {
    const a = await get(`/api/v1/products?domain=${dom}&tier=GOLD&tier=SILVER&sort=name`);
    const b = await get(`/api/v1/products?domain=${dom}&tier=GOLD,SILVER&sort=name`);
    expect(a.json.items.map((i: { tier: string }) => i.tier).sort()).toEqual(["GOLD", "SILVER"]);
    expect(b.json.items).toEqual(a.json.items);
    const slo = await get(`/api/v1/products?domain=${dom}&slo=RED`);
    expect(slo.json.items).toHaveLength(1);
  });

  it("needs a token or a session", async () => {
    const r = await get("/api/v1/products?q=invoice", products.GET, false);
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe("unauthenticated");
  });

  const hostile = [
    '"', "'", "\\", "-", "OR", "& | ! <-> :* ( )", "' OR 1=1 --", "%27%3B%20DROP%20TABLE", "%E2%80%AE%F0%9F%99%82", "%00", "%FF%FE",
    "x".repeat(10_240), encodeURIComponent("order ".repeat(1_700)), encodeURIComponent("注文 事実 ärger"),
  ];
  it.each(hostile.map((h) => [h.length > 30 ? `${h.slice(0, 12)}… (${h.length})` : h, h]))("q=%s answers 200 with a list", async (_l, h) => {
    const r = await get(`/api/v1/products?q=${h}`);
    expect(r.status, r.text.slice(0, 200)).toBe(200);
    expect(Array.isArray(r.json.items)).toBe(true);
    const s = await get(`/api/v1/search/suggest?q=${h}`, suggest.GET);
    expect(s.status, s.text.slice(0, 200)).toBe(200);
    expect(Array.isArray(s.json.products)).toBe(true);
  });

  it("answers 200 with nothing for impossible filters, odd pages and sorts", async () => {
    for (const qs of ["tier=PLATINUM", "domain=%27%3B", "page=-1", "page=99999999999999999999", "sort=%00", "status=RETIRED,UNKNOWN", "tag=" + "t".repeat(5000)]) {
      const r = await get(`/api/v1/products?${qs}`);
      expect(r.status, qs).toBe(200);
      expect(Array.isArray(r.json.items)).toBe(true);
    }
    expect((await get("/api/v1/products?tier=PLATINUM")).json.items).toEqual([]);
  });
});

describe("GET /api/v1/search/suggest", () => {
  it("suggests products and domains for a prefix", async () => {
    const r = await get(`/api/v1/search/suggest?q=invo`, suggest.GET);
    expect(r.status).toBe(200);
    expect(r.json.products[0].key).toBe(gold);
    const d = await get(`/api/v1/search/suggest?q=${dom.slice(0, 6)}`, suggest.GET);
    expect(d.json.domains.map((x: { slug: string }) => x.slug)).toContain(dom);
  });
});
