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

const ZPort = z.object({
  name: z.string().trim().regex(/^[a-z][a-z0-9_-]{0,39}$/, "A port name is a lowercase word"),
  kind: z.enum(["TABLE", "TOPIC", "API", "FILE"]),
  platform: z.string().trim().max(60).default(""),
  namespace: z.string().trim().max(300).default(""),
  location: z.string().trim().min(1, "Where the data is served").max(500),
  description: z.string().trim().max(1000).default(""),
});

export const ZCreateProduct = z.object({
  domain: z.string().trim().regex(/^[a-z][a-z0-9_]{0,62}$/, "Choose a domain"),
  topic: z.string().trim().regex(/^[a-z][a-z0-9_]{0,62}$/, "A topic is lowercase letters, digits and underscores, starting with a letter (e.g. order_facts)"),
  tier: z.enum(["BRONZE", "SILVER", "GOLD"]),
  name: z.string().trim().min(1, "Name is required").max(120),
  description: z.string().trim().max(4000).default(""),
  reliabilityClass: z.enum(["OPERATIONAL", "DECISION_SUPPORT", "EXPLORATORY"]).default("EXPLORATORY"),
  tags: z.array(ZTag).max(20).default([]),
  /** Defaults to the platform's setting for the tier. */
  requiresApproval: z.boolean().optional(),
  outputPorts: z.array(ZPort).max(10).default([]),
});
export type TCreateProduct = z.input<typeof ZCreateProduct>;
