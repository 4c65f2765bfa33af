import { describe, expect, it } from "vitest";
import { buildAtomFeed, xmlEscape, type FeedNotice } from "./atom";

const n = (over: Partial<FeedNotice> = {}): FeedNotice => ({
  id: "n1", productKey: "orders.order_facts.gold", productName: "Order facts", targetRange: "2.x", reason: "Split <amount> & \"net\"", announcedAt: new Date("2026-01-01T00:00:00Z"),
  sunsetAt: new Date("2026-04-01T00:00:00Z"), updatedAt: new Date("2026-01-02T00:00:00Z"), status: "ACTIVE", replacement: "orders.order_facts.gold 3.x", ...over,
});

/** The elements directly under a parent, as a name -> count map (a tiny structural check, no XML library). */
const children = (xml: string) => [...xml.matchAll(/<([a-z]+)[\s>/]/g)].map((m) => m[1]!);

describe("buildAtomFeed", () => {
  const xml = buildAtomFeed({ baseUrl: "https://tessera.example.com/", notices: [n(), n({ id: "n2", status: "WITHDRAWN", updatedAt: new Date("2026-02-01T00:00:00Z") })], now: new Date("2026-03-01T00:00:00Z") });
  const head = xml.split("<entry>")[0]!;
  const entries = xml.split("<entry>").slice(1).map((e) => e.split("</entry>")[0]!);

  it("has the feed elements RFC 4287 requires, once each", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    for (const el of ["id", "title", "updated", "author"]) expect(children(head).filter((c) => c === el), el).toHaveLength(1);
    expect(head).toContain('<link rel="self" type="application/atom+xml" href="https://tessera.example.com/feeds/deprecations.atom"/>');
    expect(head).toContain("<updated>2026-02-01T00:00:00.000Z</updated>"); // newest entry
  });

  it("gives every entry an id, title, updated, summary and link; ids are unique", () => {
    expect(entries).toHaveLength(2);
    for (const e of entries) for (const el of ["id", "title", "updated", "summary", "link"]) expect(children(e).filter((c) => c === el), el).toHaveLength(1);
    const ids = entries.map((e) => /<id>([^<]+)<\/id>/.exec(e)![1]);
    expect(new Set(ids).size).toBe(2);
    expect(entries[1]).toContain("<title>Withdrawn: retirement of orders.order_facts.gold 2.x</title>");
  });

  it("escapes text and attributes, and is balanced", () => {
    expect(xml).toContain("Split &lt;amount&gt; &amp; &quot;net&quot;");
    expect(xml).not.toMatch(/<amount>/);
    const open = [...xml.matchAll(/<([a-z]+)(?:\s[^>]*)?(?<!\/)>/g)].map((m) => m[1]);
    const close = [...xml.matchAll(/<\/([a-z]+)>/g)].map((m) => m[1]);
    expect(open.sort()).toEqual(close.sort());
  });

  it("an empty feed is still valid (updated = now)", () => {
    const empty = buildAtomFeed({ baseUrl: "http://x", notices: [], now: new Date("2026-03-01T00:00:00Z") });
    expect(empty).toContain("<updated>2026-03-01T00:00:00.000Z</updated>");
    expect(empty).not.toContain("<entry>");
  });

  it("drops characters XML forbids", () => expect(xmlEscape("a\u0001b")).toBe("ab"));
});
