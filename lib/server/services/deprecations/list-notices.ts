import "server-only";
import { getDb } from "../../db/client";

/** Deprecation notices across the catalog, soonest sunset first; optionally only sunsets up to `until`, by domain or owner team. */
export async function listNotices(opts: { includePast?: boolean; now?: Date; until?: Date; domain?: string; team?: string } = {}) {
  const now = opts.now ?? new Date();
  return getDb().deprecationNotice.findMany({
    where: {
      status: { in: ["ACTIVE", "COMPLETED"] },
      sunsetAt: { ...(opts.includePast ? {} : { gte: new Date(now.getTime() - 90 * 864e5) }), ...(opts.until ? { lte: opts.until } : {}) },
      ...(opts.domain || opts.team ? { product: { ...(opts.domain ? { domain: { slug: opts.domain } } : {}), ...(opts.team ? { team: { slug: opts.team } } : {}) } } : {}),
    },
    orderBy: { sunsetAt: "asc" },
    select: {
      id: true,
      targetRange: true,
      reason: true,
      announcedAt: true,
      sunsetAt: true,
      status: true,
      replacementRange: true,
      replacementProduct: { select: { key: true } },
      product: { select: { key: true, name: true, tier: true, activeSubscriberCount: true, team: { select: { name: true, slug: true } }, domain: { select: { slug: true } } } },
    },
  });
}

/** Domains and teams that own products, for the catalog timeline's filters. */
export async function listNoticeFilters() {
  const [domains, teams] = await Promise.all([
    getDb().domain.findMany({ orderBy: { slug: "asc" }, select: { slug: true, name: true } }),
    getDb().team.findMany({ where: { products: { some: {} } }, orderBy: { name: "asc" }, select: { slug: true, name: true } }),
  ]);
  return { domains, teams };
}
