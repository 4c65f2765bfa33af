import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { EMPTY_STATE, FACETS, MAX_PAGE, type SearchState, hasFilters, includesRetired, parseSearchState, searchHref, toSearchParams, toggleFacet, withPage, withQuery, withSort } from "./search-state";

const parse = (qs: string) => parseSearchState(new URLSearchParams(qs));

describe("parseSearchState", () => {
  it("reads every parameter, repeated or comma-separated", () => {
    const s = parse("q=ordr+fact&domain=orders&tier=GOLD&tier=silver&class=decision_support&slo=GREEN,amber&status=ACTIVE&owner=orders&tag=KPI&sort=name&page=3");
    expect(s).toEqual({
      q: "ordr fact",
      domain: ["orders"],
      tier: ["GOLD", "SILVER"],
      class: ["DECISION_SUPPORT"],
      slo: ["AMBER", "GREEN"],
      status: ["ACTIVE"],
      owner: ["orders"],
      tag: ["kpi"],
      sort: "name",
      page: 3,
      impossible: [],
    });
  });

  it("is lenient: unknown sorts and pages fall back, a facet with only unknown values matches nothing", () => {
    const s = parse("tier=PLATINUM&domain=%27%3B+drop+table&sort=random&page=-4");
    expect(s.tier).toEqual([]);
    expect(s.domain).toEqual([]);
    expect(s.impossible).toEqual(["domain", "tier"]);
    expect(s.sort).toBe("relevance");
    expect(s.page).toBe(1);
    expect(parse("page=999999").page).toBe(MAX_PAGE);
    expect(parse("page=2.5").page).toBe(1);
    expect(parse("tier=GOLD&tier=PLATINUM").impossible).toEqual([]);
  });

  it("keeps a long query bounded and never splits it on commas", () => {
    expect(parse(`q=${"x".repeat(10_000)}`).q.length).toBe(500);
    expect(parse("q=orders,+returns").q).toBe("orders, returns");
  });

  it("accepts a plain record as Next.js passes searchParams", () => {
    expect(parseSearchState({ q: ["a", "b"], tier: ["GOLD", "BRONZE"], page: "2" })).toMatchObject({ q: "a", tier: ["BRONZE", "GOLD"], page: 2 });
  });
});

describe("URL state round trip", () => {
  const stateArb = fc.record({
    q: fc.string({ maxLength: 60 }).map((s) => s.trim()),
    domain: fc.uniqueArray(fc.constantFrom("orders", "customer", "payments"), { maxLength: 3 }).map((a) => a.sort()),
    tier: fc.uniqueArray(fc.constantFrom("BRONZE" as const, "SILVER" as const, "GOLD" as const), { maxLength: 3 }).map((a) => a.sort()),
    class: fc.uniqueArray(fc.constantFrom("OPERATIONAL" as const, "EXPLORATORY" as const), { maxLength: 2 }).map((a) => a.sort()),
    slo: fc.uniqueArray(fc.constantFrom("GREEN" as const, "RED" as const), { maxLength: 2 }).map((a) => a.sort()),
    status: fc.uniqueArray(fc.constantFrom("ACTIVE" as const, "RETIRED" as const), { maxLength: 2 }).map((a) => a.sort()),
    owner: fc.uniqueArray(fc.constantFrom("orders", "platform"), { maxLength: 2 }).map((a) => a.sort()),
    tag: fc.uniqueArray(fc.constantFrom("pii", "kpi", "raw"), { maxLength: 3 }).map((a) => a.sort()),
    sort: fc.constantFrom("relevance" as const, "name" as const, "updated" as const, "subscribers" as const),
    page: fc.integer({ min: 1, max: MAX_PAGE }),
    impossible: fc.constant([] as SearchState["impossible"]),
  });

  it("parse(serialise(state)) is the state, and serialising is canonical", () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const qs = toSearchParams(state);
        expect(parseSearchState(qs)).toEqual(state);
        expect(toSearchParams(parseSearchState(new URLSearchParams(qs.toString()))).toString()).toBe(qs.toString());
      }),
    );
  });

  it("leaves defaults out of the URL", () => {
    expect(searchHref(EMPTY_STATE)).toBe("/marketplace");
    expect(searchHref(withSort(withQuery(EMPTY_STATE, "orders"), "name"))).toBe("/marketplace?q=orders&sort=name");
  });
});

describe("state changes", () => {
  it("toggling a facet value adds or removes it and returns to page 1", () => {
    const s = withPage(parse("tier=GOLD"), 4);
    const added = toggleFacet(s, "tier", "SILVER");
    expect(added.tier).toEqual(["GOLD", "SILVER"]);
    expect(added.page).toBe(1);
    expect(toggleFacet(added, "tier", "GOLD").tier).toEqual(["SILVER"]);
  });

  it("knows when filters apply and when retired products are asked for", () => {
    expect(hasFilters(EMPTY_STATE)).toBe(false);
    for (const f of FACETS) expect(hasFilters(toggleFacet(EMPTY_STATE, f, "x"))).toBe(true);
    expect(includesRetired(parse("status=RETIRED"))).toBe(true);
    expect(includesRetired(parse("status=ACTIVE"))).toBe(false);
  });
});
