import { z } from "zod";
import { parsePin } from "@/lib/domain/versions/pin";

const ZKey = z.string().trim().min(1).max(200);
const ZId = z.string().trim().min(1).max(64);
const blank = <T extends z.ZodType>(s: T) => s.optional().or(z.literal("").transform(() => undefined));

/** A version range in pin syntax (2.x, ^2.1, ~2.1.3, 2.1.4), normalised. */
export const ZTargetRange = z.string().trim().max(40).transform((value, ctx) => {
  const r = parsePin(value);
  if (!r.ok) {
    ctx.addIssue({ code: "custom", message: r.message });
    return z.NEVER;
  }
  return r.pin.range;
});

/** A date (YYYY-MM-DD, taken as 00:00 UTC) or a full ISO timestamp. */
export const ZSunset = z.union([z.date(), z.string().trim()]).transform((v, ctx) => {
  const d = v instanceof Date ? v : new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
  if (Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: "custom", message: "Give the sunset as a date, e.g. 2027-03-31" });
    return z.NEVER;
  }
  return d;
});

export const ZPublishNotice = z.object({
  productKey: ZKey,
  /** Empty or absent: the whole product. */
  targetRange: blank(ZTargetRange),
  reason: z.string().trim().min(3, "Say why (at least 3 characters): consumers read it").max(2000),
  sunsetAt: ZSunset,
  replacementProductKey: blank(ZKey),
  replacementRange: blank(ZTargetRange),
  migrationNotes: z.string().max(20_000).default(""),
  /** Platform admins only: publish a sunset below the minimum window, with this reason. */
  overrideReason: blank(z.string().trim().min(3, "Give the override reason (at least 3 characters)").max(1000)),
});
export type TPublishNotice = z.input<typeof ZPublishNotice>;

export const ZPreviewImpact = z.object({ productKey: ZKey, targetRange: blank(ZTargetRange) });

export const ZUpdateNotice = z.object({
  id: ZId,
  sunsetAt: ZSunset,
  overrideReason: blank(z.string().trim().min(3).max(1000)),
});

export const ZWithdrawNotice = z.object({ id: ZId, reason: z.string().trim().min(3, "Say why the notice is withdrawn").max(1000) });

export const ZAcknowledgeNotice = z.object({
  id: ZId,
  team: z.string().trim().min(1, "Choose the team").max(64),
  state: z.enum(["SEEN", "MIGRATED"]),
});
