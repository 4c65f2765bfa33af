import "server-only";
import { z } from "zod";
import { getDb } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { productCardSelect } from "./selects";

export const ZListProducts = z.object({
  q: z.string().trim().max(200).optional(),
  domain: z.string().trim().max(64).optional(),
  tier: z.enum(["BRONZE", "SILVER", "GOLD"]).optional(),
  class: z.enum(["OPERATIONAL", "DECISION_SUPPORT", "EXPLORATORY"]).optional(),
  includeRetired: z.coerce.boolean().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(24),
});
export type TListProducts = z.input<typeof ZListProducts>;

/** Marketplace listing with simple filters (word match on name, key, topic, description, tags). */
export async function listProducts(raw: TListProducts) {
  const input = ZListProducts.parse(raw);
  const where: Prisma.DataProductWhereInput = {
    ...(input.domain ? { domain: { slug: input.domain } } : {}),
    ...(input.tier ? { tier: input.tier } : {}),
    ...(input.class ? { reliabilityClass: input.class } : {}),
    ...(input.includeRetired ? {} : { lifecycleStatus: { not: "RETIRED" } }),
  };
  const words = (input.q ?? "").split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length) {
    where.AND = words.map((w) => ({
      OR: [
        { name: { contains: w, mode: "insensitive" as const } },
        { key: { contains: w, mode: "insensitive" as const } },
        { description: { contains: w, mode: "insensitive" as const } },
        { tags: { has: w.toLowerCase() } },
        { team: { name: { contains: w, mode: "insensitive" as const } } },
      ],
    }));
  }
  const db = getDb();
  const [items, total] = await Promise.all([
    db.dataProduct.findMany({
      where,
      select: productCardSelect,
      orderBy: [{ tier: "desc" }, { key: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
    db.dataProduct.count({ where }),
  ]);
  return { items, total, page: input.page, pageSize: input.pageSize };
}

export type ProductCard = Awaited<ReturnType<typeof listProducts>>["items"][number];
