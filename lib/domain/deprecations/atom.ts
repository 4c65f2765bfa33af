// The public Atom feed of deprecation notices (RFC 4287): feed id/title/updated/author/link
// rel=self, and per entry id/title/updated/summary/link. Everything is XML-escaped.

export interface FeedNotice {
  id: string;
  productKey: string;
  productName: string;
  targetRange: string | null;
  reason: string;
  announcedAt: Date;
  sunsetAt: Date;
  updatedAt: Date;
  status: "ACTIVE" | "WITHDRAWN" | "COMPLETED";
  replacement: string | null;
}

export function xmlEscape(s: string): string {
  // Also drops characters XML 1.0 forbids.
  return s.replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export function noticeTitle(n: FeedNotice): string {
  const what = n.targetRange ? `${n.productKey} ${n.targetRange}` : n.productKey;
  if (n.status === "WITHDRAWN") return `Withdrawn: retirement of ${what}`;
  if (n.status === "COMPLETED") return `Retired: ${what} (sunset ${day(n.sunsetAt)})`;
  return `${what} retires on ${day(n.sunsetAt)}`;
}

export function buildAtomFeed(opts: { baseUrl: string; notices: readonly FeedNotice[]; now: Date }): string {
  const base = opts.baseUrl.replace(/\/$/, "");
  const self = `${base}/feeds/deprecations.atom`;
  const updated = opts.notices.reduce((a, n) => (n.updatedAt > a ? n.updatedAt : a), new Date(0));
  const entries = opts.notices.map((n) => {
    const link = `${base}/products/${encodeURIComponent(n.productKey)}/deprecations#notice-${encodeURIComponent(n.id)}`;
    const summary = `${n.reason} Announced ${day(n.announcedAt)}; sunset ${day(n.sunsetAt)}.${n.replacement ? ` Replacement: ${n.replacement}.` : ""}`;
    return [
      "  <entry>",
      `    <id>${xmlEscape(`${base}/deprecations/${n.id}`)}</id>`,
      `    <title>${xmlEscape(noticeTitle(n))}</title>`,
      `    <updated>${n.updatedAt.toISOString()}</updated>`,
      `    <published>${n.announcedAt.toISOString()}</published>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(link)}"/>`,
      `    <category term="${xmlEscape(n.status.toLowerCase())}"/>`,
      `    <summary type="text">${xmlEscape(summary)}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlEscape(self)}</id>`,
    "  <title>Tessera: deprecation notices</title>",
    "  <subtitle>Data product versions being retired, with sunset dates and replacements</subtitle>",
    `  <updated>${(opts.notices.length ? updated : opts.now).toISOString()}</updated>`,
    "  <author><name>Tessera</name></author>",
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(`${base}/deprecations`)}"/>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
