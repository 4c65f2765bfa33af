import "server-only";

// PostgreSQL array literals built once per batch and bound as ONE text parameter each (cast with
// `::text[]` etc. in SQL). Bound as JS arrays, Prisma's raw query path serialises, re-parses and
// maps every element several times and pg escapes each again: for a 1,000-item ingestion batch
// that was a large share of the app's CPU. Still parameters: nothing is spliced into SQL text.

const NEEDS_ESCAPE = /["\\]/g;

/** `{"a","b\"c"}`: every element quoted; only `"` and `\` need a backslash inside quotes. */
export function textArrayLiteral(values: readonly string[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (i > 0) out += ",";
    out += `"${NEEDS_ESCAPE.test(v) ? v.replace(NEEDS_ESCAPE, "\\$&") : v}"`;
    NEEDS_ESCAPE.lastIndex = 0;
  }
  return `${out}}`;
}

/** `{1.5,-2,1e+300}` for finite numbers (callers validate finiteness first). */
export function floatArrayLiteral(values: readonly number[]): string {
  for (const v of values) if (!Number.isFinite(v)) throw new RangeError(`Not a finite number: ${v}`);
  return `{${values.join(",")}}`;
}

/** `{t,f}`. */
export function boolArrayLiteral(values: readonly boolean[]): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) out += (i > 0 ? "," : "") + (values[i] ? "t" : "f");
  return `${out}}`;
}

/** `{1,2,3}` for integers (callers pass indexes they built). */
export function intArrayLiteral(values: readonly number[]): string {
  for (const v of values) if (!Number.isSafeInteger(v)) throw new RangeError(`Not an integer: ${v}`);
  return `{${values.join(",")}}`;
}
