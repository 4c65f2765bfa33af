import "server-only";
import { getDb } from "../../db/client";

/** Every domain with its owner team and product counts per tier. */
export async function listDomains() {
  const db = getDb();
  const [domains, counts] = await Promise.all([
    db.domain.findMany({
      orderBy: { name: "asc" },
      select: { id: true, slug: true, name: true, description: true, team: { select: { slug: true, name: true } } },
    }),
    db.dataProduct.groupBy({ by: ["domainId", "tier"], _count: { _all: true }, where: { lifecycleStatus: { not: "RETIRED" } } }),
  ]);
  return domains.map((d) => {
    const tiers = { BRONZE: 0, SILVER: 0, GOLD: 0 };
    for (const c of counts) if (c.domainId === d.id) tiers[c.tier] = c._count._all;
    return { ...d, tiers, total: tiers.BRONZE + tiers.SILVER + tiers.GOLD };
  });
}
