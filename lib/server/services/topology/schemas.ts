import { z } from "zod";

export const ZDependencyKind = z.enum(["HARD", "SOFT", "CONTROL", "TRUTH"]);

export const ZDeclareDependency = z
  .strictObject({
    product: z.string().min(1).max(200).meta({ description: "The downstream product (yours)" }),
    upstreamProduct: z.string().min(1).max(200).optional().meta({ description: "Key of the upstream product" }),
    upstreamSource: z.string().min(1).max(100).optional().meta({ description: "Slug of the upstream source system" }),
    kind: ZDependencyKind.default("HARD"),
    description: z.string().max(500).default(""),
  })
  .refine((d) => !!d.upstreamProduct !== !!d.upstreamSource, { message: "Name exactly one upstream: a product or a source system", path: ["upstreamProduct"] });
export type TDeclareDependency = z.infer<typeof ZDeclareDependency>;

export const ZRemoveDependency = z.strictObject({ product: z.string().min(1).max(200), dependencyId: z.string().min(1).max(64) });

/** Paging of the downstream products in an impact answer. */
export const IMPACT_PAGE_DEFAULT = 100;
export const IMPACT_PAGE_MAX = 1000;
export const ZImpactPage = z.object({
  limit: z.coerce.number().int().min(1).max(IMPACT_PAGE_MAX).optional().meta({ description: `Downstream products per page (default ${IMPACT_PAGE_DEFAULT}, at most ${IMPACT_PAGE_MAX})` }),
  cursor: z.string().max(400).optional().meta({ description: "The nextCursor of the previous page" }),
});
