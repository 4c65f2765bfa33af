import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { QUERY_LIMITS, describeQuery, isEmptyQuery, parseQuery, wordsOf } from "./parse-query";

describe("parseQuery reads websearch syntax", () => {
  it.each([
    ["order facts", { groups: [["order"], ["facts"]], phrases: [], exclude: [] }],
    ["  Order   FACTS ", { groups: [["order"], ["facts"]], phrases: [], exclude: [] }],
    ['"order id" customer', { groups: [["customer"]], phrases: [["order", "id"]], exclude: [] }],
    ["refunds OR returns gold", { groups: [["refunds", "returns"], ["gold"]], phrases: [], exclude: [] }],
    ["refunds or returns", { groups: [["refunds", "returns"]], phrases: [], exclude: [] }],
    ["orders -legacy", { groups: [["orders"]], phrases: [], exclude: [["legacy"]] }],
    ['orders -"daily orders"', { groups: [["orders"]], phrases: [], exclude: [["daily", "orders"]] }],
    ["orders.order_facts.gold", { groups: [["orders"], ["order"], ["facts"], ["gold"]], phrases: [], exclude: [] }],
    ['"order', { groups: [["order"]], phrases: [], exclude: [] }],
    ['"unclosed phrase here', { groups: [], phrases: [["unclosed", "phrase", "here"]], exclude: [] }],
    ["OR OR orders", { groups: [["orders"]], phrases: [], exclude: [] }],
    ["a b c", { groups: [], phrases: [], exclude: [] }],
    ["v2 3", { groups: [["v2"], ["3"]], phrases: [], exclude: [] }],
    ["Café crème", { groups: [["café"], ["crème"]], phrases: [], exclude: [] }],
    ["顧客 注文", { groups: [["顧客"], ["注文"]], phrases: [], exclude: [] }],
    ["- orders", { groups: [["orders"]], phrases: [], exclude: [] }],
    ["orders -", { groups: [["orders"]], phrases: [], exclude: [] }],
  ])("%j", (input, expected) => {
    const { openEnded: _o, ...rest } = parseQuery(input);
    expect(rest).toEqual(expected);
  });

  it("marks a query whose last word is still being typed", () => {
    expect(parseQuery("order fac").openEnded).toBe(true);
    expect(parseQuery("order fact ").openEnded).toBe(false);
    expect(parseQuery('"order id"').openEnded).toBe(false);
    expect(parseQuery("orders -legacy").openEnded).toBe(false);
  });

  it("reduces operators, quotes and punctuation to nothing searchable", () => {
    for (const hostile of ['"""', "---", "OR", "& | ! ( ) <-> :*", "' OR 1=1 --", "\\\\", "\u0000\u0001", "💥🔥"]) {
      const q = parseQuery(hostile);
      expect(q.groups.flat().join(" ")).not.toMatch(/[&|!():*<>'"\\-]/);
    }
    expect(isEmptyQuery(parseQuery('"" --- OR'))).toBe(true);
    expect(parseQuery("' OR 1=1 --").groups).toEqual([["1"], ["1"]]);
  });

  it("describes the parsed query for messages", () => {
    expect(describeQuery(parseQuery('ordr fact OR facts "order id" -legacy'))).toBe('ordr fact OR facts "order id" -legacy');
  });
});

describe("parseQuery laws", () => {
  const anyInput = fc.oneof(
    fc.string({ maxLength: 400 }),
    fc.string({ unit: "grapheme", maxLength: 200 }),
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.array(fc.constantFrom('"', "-", " OR ", " ", "order", "ß", "é", "\u0301", ":*", "&", "|", "!", "'", "\\", "\u0000"), { maxLength: 60 }).map((a) => a.join("")),
  );

  it("never throws and only ever yields letters, digits and marks within the limits", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const q = parseQuery(input);
        const all = [...q.groups.flat(), ...q.phrases.flat(), ...q.exclude.flat()];
        for (const w of all) {
          expect(w).toMatch(/^[\p{L}\p{N}\p{M}]+$/u);
          expect([...w].length).toBeLessThanOrEqual(QUERY_LIMITS.maxWordLength);
          expect(w).toBe(w.toLowerCase());
        }
        expect(q.groups.length).toBeLessThanOrEqual(QUERY_LIMITS.maxGroups);
        expect(q.phrases.length).toBeLessThanOrEqual(QUERY_LIMITS.maxPhrases);
        expect(q.exclude.length).toBeLessThanOrEqual(QUERY_LIMITS.maxExcluded);
        for (const g of q.groups) expect(g.length).toBeLessThanOrEqual(QUERY_LIMITS.maxAlternatives);
      }),
      { numRuns: 500 },
    );
  });

  it("looks at a bounded prefix of huge input", () => {
    const huge = "order ".repeat(2000) + "zebra";
    const t = performance.now();
    const q = parseQuery(huge);
    expect(performance.now() - t).toBeLessThan(200);
    expect(q.groups.flat()).not.toContain("zebra");
    expect(q.groups).toHaveLength(QUERY_LIMITS.maxGroups);
  });

  it("is insensitive to case and surrounding space", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z ]{0,40}$/), (s) => {
        expect(parseQuery(` ${s.toUpperCase()} `).groups).toEqual(parseQuery(s).groups.map((g) => g));
      }),
    );
  });

  it("splits words on anything that is not a letter, digit or mark", () => {
    expect(wordsOf("order_facts.gold/v2")).toEqual(["order", "facts", "gold", "v2"]);
    expect(wordsOf("x")).toEqual([]);
    expect(wordsOf("7")).toEqual(["7"]);
  });
});
