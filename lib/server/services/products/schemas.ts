import { z } from "zod";

export const ZTag = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "Tags are lowercase words (a-z, 0-9, - and _), at most 40 characters");

export const ZUpdateProduct = z.object({
  key: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1, "Name is required").max(120).optional(),
  description: z.string().trim().max(4000).optional(),
  tags: z.array(ZTag).max(20).optional(),
  reliabilityClass: z.enum(["OPERATIONAL", "DECISION_SUPPORT", "EXPLORATORY"]).optional(),
  requiresApproval: z.boolean().optional(),
});
export type TUpdateProduct = z.input<typeof ZUpdateProduct>;
