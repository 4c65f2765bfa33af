import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it.each([
    ["# Move to 3.x", "<h1>Move to 3.x</h1>"],
    ["one\ntwo\n\nthree", "<p>one two</p>\n<p>three</p>"],
    ["- a\n- b", "<ul><li>a</li><li>b</li></ul>"],
    ["1. a\n2. b", "<ol><li>a</li><li>b</li></ol>"],
    ["use `order_id` **now** and *soon*", "<p>use <code>order_id</code> <strong>now</strong> and <em>soon</em></p>"],
    ["[guide](https://docs.example.com/x?a=1&b=2)", '<p><a href="https://docs.example.com/x?a=1&amp;b=2" rel="nofollow noopener noreferrer">guide</a></p>'],
  ])("%j", (src, html) => expect(renderMarkdown(src)).toBe(html));

  it.each([
    ["<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"],
    ["[x](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>"],
    ['[x](https://a.b/" onmouseover="y)', "<p>[x](https://a.b/&quot; onmouseover=&quot;y)</p>"],
    ["<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>"],
    ["`<b>`", "<p><code>&lt;b&gt;</code></p>"],
  ])("neutralises %j", (src, html) => expect(renderMarkdown(src)).toBe(html));

  it("never emits a tag outside the allowlist, nor an attribute but a quoted http(s) href", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("<", ">", "\"", "'", "a", " ", "[", "]", "(", ")", "h", "t", "p", "s", ":", "/", "*", "`", "#", "-", "\n", "=", "j") }), (src) => {
        const html = renderMarkdown(src);
        for (const m of html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/g)) {
          expect(["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "code", "strong", "em", "a"]).toContain(m[1]);
          const attrs = m[2]!.trim();
          if (attrs) expect(attrs).toMatch(/^href="https?:\/\/[^"<>]*" rel="nofollow noopener noreferrer"$/);
        }
      }),
    );
  });
});
