// Contract field types: parse/format the type grammar and decide widenings (see the table below).
// Grammar: string|integer|bigint|decimal(p,s)|float|double|boolean|date|timestamp|struct|array<T>.
export type FieldType =
  | { kind: "string" | "integer" | "bigint" | "float" | "double" | "boolean" | "date" | "timestamp" | "struct" }
  | { kind: "decimal"; precision: number; scale: number }
  | { kind: "array"; element: FieldType };

const SIMPLE = ["string", "integer", "bigint", "float", "double", "boolean", "date", "timestamp", "struct"] as const;
export const MAX_DECIMAL_PRECISION = 38;

export type FieldTypeParseResult = { ok: true; type: FieldType } | { ok: false; message: string };

const GRAMMAR = `one of ${SIMPLE.join(", ")}, decimal(p,s) or array<T>`;

/** Parses a type, ignoring case and spaces: "Decimal(10, 2)" -> decimal(10,2). */
export function parseFieldType(raw: string): FieldTypeParseResult {
  const text = raw.replace(/\s+/g, "").toLowerCase();
  const simple = SIMPLE.find((s) => s === text);
  if (simple) return { ok: true, type: { kind: simple } };
  const decimal = /^decimal\((\d+),(\d+)\)$/.exec(text);
  if (decimal) {
    const precision = Number(decimal[1]);
    const scale = Number(decimal[2]);
    if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
      return { ok: false, message: `decimal precision must be between 1 and ${MAX_DECIMAL_PRECISION}, got ${precision}` };
    }
    if (scale > precision) return { ok: false, message: `decimal scale ${scale} cannot exceed precision ${precision}` };
    return { ok: true, type: { kind: "decimal", precision, scale } };
  }
  if (text === "decimal") return { ok: false, message: "decimal needs a precision and scale, e.g. decimal(12,2)" };
  const array = /^array<(.+)>$/.exec(text);
  if (array) {
    const element = parseFieldType(array[1]!);
    return element.ok ? { ok: true, type: { kind: "array", element: element.type } } : element;
  }
  return { ok: false, message: `Unknown type "${raw}": expected ${GRAMMAR}` };
}

export function formatFieldType(type: FieldType): string {
  if (type.kind === "decimal") return `decimal(${type.precision},${type.scale})`;
  if (type.kind === "array") return `array<${formatFieldType(type.element)}>`;
  return type.kind;
}

/** True for struct and array<struct>, array<array<struct>>...: the types that carry nested fields. */
export function hasNestedFields(type: FieldType): boolean {
  return type.kind === "struct" || (type.kind === "array" && hasNestedFields(type.element));
}

/** Integer digits an integer type needs to hold every value: int32 has 10 digits, int64 19. */
const INTEGER_DIGITS = { integer: 10, bigint: 19 } as const;

/**
 * A widening: every value of `from` is represented exactly by `to`, and readers see the same kind
 * of value. integer->bigint, integer->double (exact under 2^53), float->double; integers into a
 * decimal with enough integer digits; decimal(p1,s1)->decimal(p2,s2) with s2>=s1 and p2-s2>=p1-s1;
 * array<T>->array<U> when T widens to U. Not widenings: bigint->double (loses precision),
 * integer->float, date->timestamp (a date has no time zone: readers must pick one, and equality
 * filters on the day change meaning), anything->string (readers doing arithmetic or ordering break).
 */
export function isWidening(from: FieldType, to: FieldType): boolean {
  if (from.kind === "array" && to.kind === "array") return isWidening(from.element, to.element);
  if (from.kind === "integer" && (to.kind === "bigint" || to.kind === "double")) return true;
  if (from.kind === "float" && to.kind === "double") return true;
  if ((from.kind === "integer" || from.kind === "bigint") && to.kind === "decimal") {
    return to.precision - to.scale >= INTEGER_DIGITS[from.kind];
  }
  if (from.kind === "decimal" && to.kind === "decimal") {
    const grows = to.scale >= from.scale && to.precision - to.scale >= from.precision - from.scale;
    return grows && (to.precision !== from.precision || to.scale !== from.scale);
  }
  return false;
}

export function sameFieldType(a: FieldType, b: FieldType): boolean {
  return formatFieldType(a) === formatFieldType(b);
}
