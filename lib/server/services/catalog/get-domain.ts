import "server-only";
import { getDb } from "../../db/client";
import { NotFoundError } from "../../errors";
import { productCardSelect } from "./selects";

/** A domain with its products arranged as topics x tiers. */
export async function getDomain(slug: string) {
  const domain = await getDb().domain.findUnique({
    where: { slug },
    select: {
      slug: true,
      name: true,
      description: true,
      glossary: true,
      team: { select: { id: true, slug: true, name: true, onCallHandle: true, contactChannel: true } },
      products: { select: productCardSelect, orderBy: [{ topic: "asc" }] },
    },
  });
  if (!domain) throw new NotFoundError(`Domain "${slug}"`);
  const topics = [...new Set(domain.products.map((p) => p.topic))].sort();
  const grid = topics.map((topic) => ({
    topic,
    BRONZE: domain.products.find((p) => p.topic === topic && p.tier === "BRONZE") ?? null,
    SILVER: domain.products.find((p) => p.topic === topic && p.tier === "SILVER") ?? null,
    GOLD: domain.products.find((p) => p.topic === topic && p.tier === "GOLD") ?? null,
  }));
  const glossary = Array.isArray(domain.glossary) ? (domain.glossary as { term: string; meaning: string }[]) : [];
  return { ...domain, glossary, grid };
}
