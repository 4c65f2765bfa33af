import { z } from "zod";
import { OBJECTIVES } from "@/lib/domain/slo/objective";

export const MAX_MEASUREMENT_BATCH = 5000;
export const ZObjective = z.enum(OBJECTIVES);

/** One measurement; validated item by item so the good ones land while the bad ones are reported. */
export const ZMeasurement = z.strictObject({
  product: z.string().min(1).max(200).meta({ description: "Product key, e.g. orders.order_facts.gold" }),
  objective: ZObjective,
  value: z.number().finite().meta({ description: "Minutes for FRESHNESS (age) and LATE_ARRIVAL; percent otherwise" }),
  observedAt: z.iso.datetime({ offset: true }).meta({ description: "When the value was observed (ISO 8601)" }),
  idempotencyKey: z.string().min(1).max(200).meta({ description: "Unique per product; re-sending the same key is harmless" }),
});
export type TMeasurement = z.infer<typeof ZMeasurement>;

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
