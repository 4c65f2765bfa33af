import { z } from "zod";

/** Most events a batch may carry; each is its own transaction with its own result. */
export const MAX_BATCH_EVENTS = 500;

export const ZLineageBatch = z
  .array(z.unknown().meta({ description: "An OpenLineage RunEvent (see ingestLineageEvent)" }))
  .min(1, "Send at least one event")
  .max(MAX_BATCH_EVENTS, `At most ${MAX_BATCH_EVENTS} events per batch`);

export const ZPortKind = z.enum(["TABLE", "TOPIC", "API", "FILE"]);

export const ZClaimDataset = z.strictObject({
  namespace: z.string().trim().min(1).max(500).meta({ description: "The unclaimed dataset's namespace, as listed" }),
  name: z.string().trim().min(1).max(1000).meta({ description: "The unclaimed dataset's name, as listed" }),
  product: z.string().trim().min(1).max(200).meta({ description: "Key of your product that serves this dataset" }),
  portName: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, "Port names are lowercase letters, digits, - and _ (at most 63)")
    .optional()
    .meta({ description: "Name of the new output port (default: derived from the dataset name)" }),
  kind: ZPortKind.default("TABLE"),
});
export type TClaimDataset = z.output<typeof ZClaimDataset>;

export const ZWaiveViolation = z.strictObject({
  dependencyId: z.string().min(1).max(64),
  reason: z.string().trim().min(5, "Say why, in a few words (at least 5 characters)").max(500),
});

export const ZReopenViolation = z.strictObject({
  dependencyId: z.string().min(1).max(64),
  reason: z.string().trim().max(500).optional(),
});

export const ZListUnclaimed = z.object({
  q: z.string().trim().max(200).optional().meta({ description: "Text contained in the namespace, the name or a job" }),
  page: z.coerce.number().int().min(1).max(10000).default(1),
});

export const ZGovernanceReportQuery = z.object({
  domain: z.string().trim().max(63).optional().meta({ description: "Domain slug of either product" }),
  team: z.string().trim().max(63).optional().meta({ description: "Slug of either product's owner team" }),
  status: z.enum(["open", "waived", "all"]).default("open"),
});
