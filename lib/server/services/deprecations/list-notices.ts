import "server-only";
import { getDb } from "../../db/client";

/** Deprecation notices across the catalog, soonest sunset first. */
export async function listNotices(opts: { includePast?: boolean; now?: Date } = {}) {
  const now = opts.now ?? new Date();
  return getDb().deprecationNotice.findMany({
    where: { status: { in: ["ACTIVE", "COMPLETED"] }, ...(opts.includePast ? {} : { sunsetAt: { gte: new Date(now.getTime() - 90 * 864e5) } }) },
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
