// Result and facet counts. Small result sets are counted exactly; large ones are estimated (from a
// sample, never a scan of every match), and say so.

export type CountKind = "exact" | "estimate";

export interface Count {
  value: number;
  kind: CountKind;
}

/** Two significant digits: an estimate should not look more precise than it is. */
export function roundEstimate(n: number): number {
  if (n < 100) return Math.round(n);
  const magnitude = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / magnitude) * magnitude;
}

const fmt = new Intl.NumberFormat("en-US");

/** "1,234" or "about 12,000" (long) / "≈12,000" (short). */
export function formatCount(c: Count, style: "long" | "short" = "long"): string {
  if (c.kind === "exact") return fmt.format(c.value);
  const v = fmt.format(roundEstimate(c.value));
  return style === "long" ? `about ${v}` : `≈${v}`;
}

/** "1 product", "about 12,000 products". */
export function formatTotal(c: Count, noun = "product"): string {
  return `${formatCount(c)} ${c.kind === "exact" && c.value === 1 ? noun : `${noun}s`}`;
}

/** Whole days from `now` until `at` (negative once past), as the deprecation badge shows them. */
export function daysUntil(at: Date, now: Date): number {
  return Math.ceil((at.getTime() - now.getTime()) / 86_400_000);
}
