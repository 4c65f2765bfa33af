import { describe, it, expect } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes commas, quotes and newlines, and defuses formulas", () => {
    expect(toCsv(["a", "b"], [["x,y", 'say "hi"'], ["line\nbreak", "=1+1"], [null, new Date("2026-01-02T03:04:05Z")]])).toBe(
      'a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\'=1+1\r\n,2026-01-02T03:04:05.000Z\r\n',
    );
  });
});
