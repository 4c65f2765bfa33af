import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { sideBySide } from "./line-diff";

const kinds = (a: string, b: string) => sideBySide(a, b).map((r) => r.kind);

describe("sideBySide", () => {
  it.each([
    ["a\nb\nc", "a\nb\nc", ["same", "same", "same"]],
    ["a\nb\nc", "a\nc", ["same", "removed", "same"]],
    ["a\nc", "a\nb\nc", ["same", "added", "same"]],
    ["a\nb\nc", "a\nB\nc", ["same", "changed", "same"]],
    ["a\nb", "a\nB\nX", ["same", "changed", "added"]],
    ["", "a", ["changed"]],
  ])("%j -> %j", (a, b, expected) => {
    expect(kinds(a, b)).toEqual(expected);
  });

  it("keeps every line of both sides, in order, with their numbers", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 12 }), fc.array(fc.constantFrom("a", "b", "c", "e"), { maxLength: 12 }), (x, y) => {
        const rows = sideBySide(x.join("\n"), y.join("\n"));
        const left = rows.flatMap((r) => (r.left ? [r.left] : []));
        const right = rows.flatMap((r) => (r.right ? [r.right] : []));
        expect(left.map((s) => s.text)).toEqual((x.length ? x : [""]));
        expect(right.map((s) => s.text)).toEqual((y.length ? y : [""]));
        expect(left.map((s) => s.n)).toEqual(left.map((_, i) => i + 1));
        expect(rows.filter((r) => r.kind === "same").every((r) => r.left!.text === r.right!.text)).toBe(true);
      }),
    );
  });
});
