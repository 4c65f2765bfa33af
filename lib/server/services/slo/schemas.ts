import { z } from "zod";
import { OBJECTIVES } from "@/lib/domain/slo/objective";

export const MAX_MEASUREMENT_BATCH = 5000;
export const ZObjective = z.enum(OBJECTIVES);

/** One measurement; validated item by item so the good ones land while the bad ones are reported. */
export const ZMeasurement = z.strictObject({
  product: z.string().min(1).max(200).meta({ description: "Product key, e.g. orders.order_facts.gold" }),
  objective: ZObjective,
  value: z.number().finite().meta({ description: "Minutes for FRESHNESS (age) and LATE_ARRIVAL; percent otherwise" }),
  observedAt: z.iso.datetime({ offset: true })
    .refine((v) => Date.parse(v) >= EARLIEST_OBSERVATION, { message: "Must be after the year 1800" })
    .meta({ description: "When the value was observed (ISO 8601 with Z or an offset)" }),
  idempotencyKey: z.string().min(1).max(200).meta({ description: "Unique per product and observedAt; re-sending the same item is harmless" }),
});
export type TMeasurement = z.infer<typeof ZMeasurement>;

const EARLIEST_OBSERVATION = Date.UTC(1800, 0, 1);
const OBJECTIVE_SET = new Set<string>(OBJECTIVES);
const MEASUREMENT_KEYS = 5;
// A strict subset of what ZMeasurement accepts for observedAt (years 1900-2099, days up to 28).
const QUICK_TIME = /^(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * The common case without zod: returns the item when it is certainly valid under ZMeasurement
 * (a property test holds it to that), or null to let ZMeasurement decide and explain. A 1,000-item
 * batch then costs a few type checks per item instead of a schema walk.
 */
export function quickMeasurement(raw: unknown): TMeasurement | null {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
  const m = raw as Record<string, unknown>;
  const { product, objective, value, observedAt, idempotencyKey } = m;
  if (typeof product !== "string" || product.length === 0 || product.length > 200) return null;
  if (typeof objective !== "string" || !OBJECTIVE_SET.has(objective)) return null;
  if (typeof value !== "number" || !Number.isFinite(value)) return null;
  if (typeof observedAt !== "string" || !QUICK_TIME.test(observedAt)) return null;
  if (typeof idempotencyKey !== "string" || idempotencyKey.length === 0 || idempotencyKey.length > 200) return null;
  if (Object.getPrototypeOf(m) !== Object.prototype) return null;
  let count = 0;
  for (const k in m) if (Object.hasOwn(m, k)) count++;
  if (count !== MEASUREMENT_KEYS) return null;
  // Exactly the five properties, each checked: the item itself is the measurement (no copy).
  return m as TMeasurement;
}

/** The envelope: items are checked one by one by the service (per-item errors). */
export const ZMeasurementBatch = z.strictObject({
  measurements: z.array(z.unknown()).min(1).meta({ description: `Up to ${MAX_MEASUREMENT_BATCH} measurements (more: 413)` }),
});

export const ZUpdateSlo = z.strictObject({
  product: z.string().min(1).max(200),
  objective: ZObjective,
  targetPercent: z.number().min(50).max(100).optional(),
  windowDays: z.number().int().min(1).max(365).optional(),
  cadenceMinutes: z.number().int().min(1).max(7 * 24 * 60).optional(),
});
export type TUpdateSlo = z.infer<typeof ZUpdateSlo>;
