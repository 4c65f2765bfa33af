import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { parseFieldType, formatFieldType, isWidening, hasNestedFields, type FieldType } from "./field-type";

const t = (raw: string): FieldType => {
  const r = parseFieldType(raw);
  if (!r.ok) throw new Error(r.message);
  return r.type;
};

describe("parseFieldType", () => {
  it.each([
    ["string", "string"],
    ["INTEGER", "integer"],
    ["decimal(12,2)", "decimal(12,2)"],
    ["Decimal( 12 , 2 )", "decimal(12,2)"],
    ["decimal(38,38)", "decimal(38,38)"],
    ["array<string>", "array<string>"],
    ["array< array<Decimal(5,1)> >", "array<array<decimal(5,1)>>"],
    ["array<struct>", "array<struct>"],
    ["timestamp", "timestamp"],
  ])("%s -> %s", (raw, canonical) => {
    expect(formatFieldType(t(raw))).toBe(canonical);
  });

  it.each([
    ["varchar", /Unknown type "varchar"/],
    ["decimal", /needs a precision and scale/],
    ["decimal(0,0)", /precision must be between 1 and 38/],
    ["decimal(39,2)", /precision must be between 1 and 38/],
    ["decimal(5,6)", /scale 6 cannot exceed precision 5/],
    ["array<>", /Unknown type/],
    ["array<map>", /Unknown type "map"/],
    ["", /Unknown type/],
  ])("rejects %j", (raw, message) => {
    const r = parseFieldType(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it.each([
    ["struct", true],
    ["array<struct>", true],
    ["array<array<struct>>", true],
    ["array<string>", false],
    ["string", false],
  ])("hasNestedFields(%s) = %s", (raw, expected) => {
    expect(hasNestedFields(t(raw))).toBe(expected);
  });
});

describe("isWidening (the widening table)", () => {
  it.each([
    ["integer", "bigint", true],
    ["integer", "double", true],
    ["float", "double", true],
    ["integer", "decimal(10,0)", true],
    ["integer", "decimal(12,2)", true],
    ["integer", "decimal(11,2)", false], // 9 integer digits < 10
    ["bigint", "decimal(19,0)", true],
    ["bigint", "decimal(20,2)", false],
    ["decimal(10,2)", "decimal(12,2)", true],
    ["decimal(10,2)", "decimal(12,4)", true],
    ["decimal(10,2)", "decimal(11,4)", false], // integer digits 8 -> 7
    ["decimal(10,2)", "decimal(10,1)", false], // scale shrinks
    ["decimal(10,2)", "decimal(10,2)", false], // same type is not a widening
    ["array<integer>", "array<bigint>", true],
    ["array<bigint>", "array<integer>", false],
    ["bigint", "integer", false],
    ["bigint", "double", false],
    ["integer", "float", false],
    ["double", "float", false],
    ["date", "timestamp", false],
    ["timestamp", "date", false],
    ["integer", "string", false],
    ["string", "integer", false],
    ["boolean", "string", false],
    ["struct", "string", false],
    ["integer", "array<integer>", false],
  ])("%s -> %s is %s", (from, to, expected) => {
    expect(isWidening(t(from), t(to))).toBe(expected);
  });

  const scalar = fc.oneof(
    fc.constantFrom("string", "integer", "bigint", "float", "double", "boolean", "date", "timestamp", "struct"),
    fc.tuple(fc.integer({ min: 1, max: 38 }), fc.nat(38)).filter(([p, s]) => s <= p).map(([p, s]) => `decimal(${p},${s})`),
  );
  const typeArb = fc.oneof(scalar, scalar.map((s) => `array<${s}>`));

  it("is irreflexive and antisymmetric", () => {
    fc.assert(
      fc.property(typeArb, typeArb, (a, b) => {
        expect(isWidening(t(a), t(a))).toBe(false);
        expect(isWidening(t(a), t(b)) && isWidening(t(b), t(a))).toBe(false);
      }),
    );
  });
  it("format is a fixpoint of parse", () => {
    fc.assert(
      fc.property(typeArb, (a) => {
        expect(formatFieldType(t(formatFieldType(t(a))))).toBe(formatFieldType(t(a)));
      }),
    );
  });
});
