import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { boolArrayLiteral, floatArrayLiteral, textArrayLiteral } from "./pg-array";

// A reader of PostgreSQL's array literal syntax for one-dimensional, fully quoted text arrays:
// the literal must give back exactly the strings it was built from.
function readQuoted(lit: string): string[] {
  expect(lit.startsWith("{") && lit.endsWith("}")).toBe(true);
  const out: string[] = [];
  let i = 1;
  while (i < lit.length - 1) {
    expect(lit[i]).toBe('"');
    let v = "";
    for (i++; lit[i] !== '"'; i++) v += lit[i] === "\\" ? lit[++i] : lit[i];
    out.push(v);
    i++;
    if (lit[i] === ",") i++;
  }
  return out;
}

describe("PostgreSQL array literals", () => {
  it("quotes every text element and escapes only quotes and backslashes", () => {
    expect(textArrayLiteral([])).toBe("{}");
    expect(textArrayLiteral(["a", "", 'say "hi"', "back\\slash", "{,} NULL", "ü €"])).toBe('{"a","","say \\"hi\\"","back\\\\slash","{,} NULL","ü €"}');
  });

  it("round-trips any strings (property)", () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: "binary" })), (xs) => {
      expect(readQuoted(textArrayLiteral(xs))).toEqual(xs);
    }));
  });

  it("writes numbers and booleans, refusing non-finite numbers", () => {
    expect(floatArrayLiteral([1.5, -2, 0, 1e300, 99.5])).toBe("{1.5,-2,0,1e+300,99.5}");
    expect(() => floatArrayLiteral([1, Number.NaN])).toThrow(RangeError);
    expect(() => floatArrayLiteral([Infinity])).toThrow(RangeError);
    expect(boolArrayLiteral([true, false, true])).toBe("{t,f,t}");
    expect(boolArrayLiteral([])).toBe("{}");
  });
});
