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
