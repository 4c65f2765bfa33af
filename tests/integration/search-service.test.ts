// The marketplace search service: words, typos, prefixes, phrases, OR, exclusions, facets, ranking,
// sorts, pages, both SQL shapes, hostile input, and who may search.
import { beforeAll, describe, it, expect } from "vitest";
import { searchProducts } from "@/lib/server/services/search/search-products";
import { suggest } from "@/lib/server/services/search/suggest";
import { UnauthenticatedError } from "@/lib/server/errors";
import { compareResults } from "@/lib/domain/search/ranking";
import { parseSearchState } from "@/lib/domain/search/search-state";
import { anonymousCtx, makeProduct, searchWorld, systemCtx, uid } from "./search-fixtures";
import { getDb } from "@/lib/server/db/client";

// One small catalog for the whole file (read-only tests), in domains unique to this run.
const D = { sales: `sales${uid()}`, stock: `stock${uid()}` };
let P: Record<string, string> = {};

const search = (qs: Record<string, string | string[]>, tuning?: { exactMax?: number }) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(qs)) for (const x of [v].flat()) params.append(k, x);
  return searchProducts({ ctx: systemCtx(), input: params, tuning });
};
const keys = async (qs: Record<string, string | string[]>) => (await search(qs)).items.map((i) => i.key);

beforeAll(async () => {
  const a = await searchWorld("Ledger crew");
  const b = await searchWorld("Shelf crew");
  const mk = (team: string, s: Parameters<typeof makeProduct>[1]) => makeProduct(team, s).then((p) => p.key);
  P = {
    factsGold: await mk(a.team.id, { domain: D.sales, topic: "order_facts", tier: "GOLD", name: "Order facts", slo: "GREEN", subscribers: 12, tags: ["revenue", "kpi"], fields: [["order_id", "UUID of the order"], ["net_amount", "Amount after discounts"]] }),
    factsSilver: await mk(a.team.id, { domain: D.sales, topic: "order_facts", tier: "SILVER", name: "Order facts (cleaned)", slo: "GREEN", subscribers: 2, tags: ["revenue"] }),
    factsBronze: await mk(a.team.id, { domain: D.sales, topic: "order_facts", tier: "BRONZE", name: "Order facts (raw)", slo: "RED", tags: ["raw"], cls: "EXPLORATORY" }),
    legacy: await mk(a.team.id, { domain: D.sales, topic: "daily_orders", tier: "GOLD", name: "Daily orders (legacy)", status: "DEPRECATED", subscribers: 30, sunsetInDays: 45, tags: ["legacy"] }),
    retired: await mk(a.team.id, { domain: D.sales, topic: "old_orders", tier: "GOLD", name: "Old orders", status: "RETIRED" }),
    returns: await mk(a.team.id, { domain: D.sales, topic: "returns", tier: "GOLD", name: "Returns", description: "Refunds per order line", slo: "AMBER", tags: ["kpi"] }),
    stock: await mk(b.team.id, { domain: D.stock, topic: "stock_levels", tier: "SILVER", name: "Stock levels", description: "Units on hand per warehouse", cls: "OPERATIONAL", tags: ["ops"], fields: [["order_reference", "Purchase order that filled the slot"]] }),
    shipments: await mk(b.team.id, { domain: D.stock, topic: "shipments", tier: "GOLD", name: "Shipments", description: "Parcels leaving the warehouse", slo: "UNKNOWN", tags: ["ops"] }),
  };
  // Typo correction compares against the words of every product: keep this file's catalog apart.
  await getDb().$executeRaw`ANALYZE "DataProduct"`;
});

const inMine = (qs: Record<string, string | string[]> = {}) => ({ domain: [D.sales, D.stock], ...qs });

describe("words", () => {
  it("finds a misspelled topic and a word being typed ('ordr fact' finds order_facts)", async () => {
    expect(await keys(inMine({ q: "ordr fact" }))).toEqual(expect.arrayContaining([P.factsGold, P.factsSilver, P.factsBronze]));
    expect(await keys(inMine({ q: "shipmnts" }))).toContain(P.shipments);
    expect(await keys(inMine({ q: "warehous" }))).toEqual(expect.arrayContaining([P.stock, P.shipments]));
    const r = await search(inMine({ q: "ordr fact" }));
    expect(r.query.corrections.ordr).toContain("order");
  });

  it("honours phrases, OR and exclusions", async () => {
    expect(await keys(inMine({ q: '"order facts" -raw' }))).toEqual(expect.arrayContaining([P.factsGold, P.factsSilver]));
    expect(await keys(inMine({ q: '"order facts" -raw' }))).not.toContain(P.factsBronze);
    expect(await keys(inMine({ q: '"facts order"' }))).toEqual([]);
    expect(new Set(await keys(inMine({ q: "shipments OR returns" })))).toEqual(new Set([P.shipments, P.returns]));
  });

  it("searches domain, owner team, tags and the current contract's fields", async () => {
    expect(await keys({ q: D.stock })).toEqual(expect.arrayContaining([P.stock, P.shipments]));
    expect(new Set(await keys(inMine({ q: "shelf crew" })))).toEqual(new Set([P.stock, P.shipments]));
    expect(new Set(await keys(inMine({ q: "kpi" })))).toEqual(new Set([P.factsGold, P.returns]));
    expect(await keys(inMine({ q: "net_amount" }))).toEqual([P.factsGold]);
    expect(await keys(inMine({ q: "discounts" }))).toEqual([P.factsGold]);
  });
});

describe("ranking", () => {
  it("puts name matches first, then trust: gold and healthy before bronze and red; field matches last", async () => {
    const r = await search(inMine({ q: "order" }));
    const k = r.items.map((i) => i.key);
    expect(k.slice(0, 3)).toEqual([P.factsGold, P.factsSilver, P.factsBronze]);
    expect(k.indexOf(P.legacy)).toBeGreaterThan(k.indexOf(P.factsBronze)); // deprecated demoted despite 30 subscribers
    expect(k.at(-1)).toBe(P.stock); // "order" only in a field name
    expect(r.items.map((i) => i.band)).toEqual([...r.items.map((i) => i.band)].sort());
  });

  it("orders exactly as the ranking module says, for every sort", async () => {
    for (const sort of ["relevance", "name", "updated", "subscribers"] as const) {
      const r = await search(inMine({ q: "order", sort }));
      const rows = r.items.map((i) => ({ ...i, updatedAt: new Date(i.updatedAt), band: i.band ?? 1 }));
      expect(rows.map((x) => x.key), sort).toEqual([...rows].sort(compareResults(sort, true)).map((x) => x.key));
    }
  });

  it("hides retired products unless asked for, and shows days to sunset on deprecated ones", async () => {
    expect(await keys(inMine({ q: "orders" }))).not.toContain(P.retired);
    expect(await keys(inMine({ q: "orders", status: "RETIRED" }))).toEqual([P.retired]);
    const legacy = (await search(inMine({ q: "daily orders" }))).items.find((i) => i.key === P.legacy)!;
    expect(legacy.lifecycleStatus).toBe("DEPRECATED");
    expect(Math.round((Date.parse(legacy.sunsetAt!) - Date.now()) / 86_400_000)).toBe(45);
  });
});

describe("facets", () => {
  it("counts every facet of the result exactly for a small set", async () => {
    const r = await search(inMine({ q: "order" }));
    const count = (f: keyof typeof r.facets, v: string) => r.facets[f].find((x) => x.value === v)?.count;
    expect(r.total).toEqual({ value: 6, kind: "exact" });
    expect(count("tier", "GOLD")).toEqual({ value: 3, kind: "exact" });
    expect(count("domain", D.sales)?.value).toBe(5);
    expect(count("domain", D.stock)?.value).toBe(1);
    expect(count("slo", "RED")?.value).toBe(1);
    expect(count("tag", "revenue")?.value).toBe(2);
    expect(count("status", "DEPRECATED")?.value).toBe(1);
    expect(r.facets.owner.map((o) => o.label).sort()).toEqual(["Ledger crew", "Shelf crew"]);
  });

  it("combines facets (AND across, OR within) and keeps selected values listed", async () => {
    expect(new Set(await keys(inMine({ tier: ["GOLD", "SILVER"], tag: "ops" })))).toEqual(new Set([P.stock, P.shipments]));
    expect(await keys(inMine({ q: "order", tier: "GOLD", class: "DECISION_SUPPORT", slo: "GREEN", status: "ACTIVE" }))).toEqual([P.factsGold]);
    expect(await keys(inMine({ q: "order", tier: "GOLD", slo: "GREEN" }))).toEqual([P.factsGold, P.legacy]);
    const r = await search({ domain: D.stock, tier: "BRONZE" });
    expect(r.items).toEqual([]);
    expect(r.facets.tier.find((v) => v.value === "BRONZE")).toMatchObject({ selected: true, count: null });
    expect(r.facets.domain.find((v) => v.value === D.stock)).toMatchObject({ selected: true, label: D.stock[0]!.toUpperCase() + D.stock.slice(1) });
  });

  it("estimates counts from a sample when the matches are many (the sampled shape)", async () => {
    const r = await search(inMine({ q: "order" }), { exactMax: 0 });
    expect(r.total.kind).toBe("estimate");
    expect(r.items.map((i) => i.key)).toEqual((await search(inMine({ q: "order" }))).items.map((i) => i.key));
    expect(r.facets.tier.every((v) => v.count === null || v.count.kind === "estimate")).toBe(true);
    const browse = await search(inMine({}), { exactMax: 0 });
    expect(browse.items.map((i) => i.key)).not.toContain(P.retired);
    expect(browse.items[0]!.key).toBe(P.factsGold); // most trusted: gold, green, 12 subscribers
  });
});

describe("walks in trust order", () => {
  it("stay in trust order with tier and SLO filters (one walk per tier and SLO status, merged)", async () => {
    const cases: Record<string, string | string[]>[] = [{ tier: ["GOLD", "SILVER"] }, { slo: ["GREEN", "AMBER"] }, { tier: "GOLD", slo: "GREEN", status: ["ACTIVE", "DEPRECATED"] }, { q: "order", tier: ["GOLD", "BRONZE"] }];
    for (const qs of cases) {
      const r = await search(inMine(qs), { exactMax: 0 });
      const rows = r.items.map((i) => ({ ...i, updatedAt: new Date(i.updatedAt), band: i.band ?? 1 }));
      expect(rows.length, JSON.stringify(qs)).toBeGreaterThan(0);
      expect(rows.map((x) => x.key), JSON.stringify(qs)).toEqual([...rows].sort(compareResults("relevance", !!qs.q)).map((x) => x.key));
      for (const x of rows) if ("tier" in qs) expect([qs.tier].flat()).toContain(x.tier);
    }
  });
});

describe("pages", () => {
  it("pages through results without overlap", async () => {
    const all = await keys(inMine({ sort: "name" }));
    expect(all).toHaveLength(7);
    const many = await search(inMine({ sort: "name", page: "2" }));
    expect(many.page).toBe(2);
    expect(many.items).toEqual([]); // 7 results fit on page 1 of 24
  });
});

describe("hostile input returns results or nothing, never an error", () => {
  const nasty = [
    '"', '""', '"unclosed', "-", "--", "OR", "OR OR", "AND", "!", "&", "|", "<->", ":*", "'", "\\", "\\'", "%", "_", "*",
    "' OR 1=1 --", "'); DROP TABLE \"DataProduct\"; --", "order & facts | !x", "order:* & fact:A", "(order", "order)", "ordér façts",
    "注文 事実", "🙂 order", "\u0000order", "\u202eorder", "x".repeat(10_000), "order ".repeat(2_000), "a".repeat(300),
  ];
  it.each(nasty.map((q) => [q.length > 40 ? `${q.slice(0, 20)}… (${q.length} chars)` : JSON.stringify(q), q]))("%s", async (_label, q) => {
    const r = await search({ q });
    expect(Array.isArray(r.items)).toBe(true);
    const s = await suggest({ ctx: systemCtx(), q });
    expect(Array.isArray(s.products)).toBe(true);
  });

  it("finds through the noise what the noise surrounds", async () => {
    expect(await keys(inMine({ q: '"order facts' }))).toContain(P.factsGold);
    expect(await keys(inMine({ q: "order:* & facts!" }))).toContain(P.factsGold);
    expect(await keys(inMine({ q: "ördér fäcts" }))).toContain(P.factsGold);
  });

  it("treats unknown facet values as matching nothing", async () => {
    expect((await search({ tier: "PLATINUM" })).items).toEqual([]);
    expect((await search({ domain: "'; drop table" })).items).toEqual([]);
  });
});

describe("typeahead", () => {
  it("suggests products by name prefix and typo, and domains", async () => {
    const s = await suggest({ ctx: systemCtx(), q: "shipm" });
    expect(s.products.map((p) => p.key)).toContain(P.shipments);
    const t = await suggest({ ctx: systemCtx(), q: D.stock.slice(0, 8) });
    expect(t.domains.map((d) => d.slug)).toContain(D.stock);
    expect(t.domains.find((d) => d.slug === D.stock)?.products).toBe(2);
    expect((await suggest({ ctx: systemCtx(), q: "" })).products).toEqual([]);
  });
});

describe("access", () => {
  it("needs a signed-in user or a token", async () => {
    await expect(searchProducts({ ctx: anonymousCtx(), input: parseSearchState({}) })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(suggest({ ctx: anonymousCtx(), q: "x" })).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
