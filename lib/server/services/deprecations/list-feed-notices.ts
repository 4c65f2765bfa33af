import "server-only";
import { getDb } from "../../db/client";
import type { FeedNotice } from "@/lib/domain/deprecations/atom";

/** The latest notices for the public feed (public catalog data: no private team details). */
export async function listFeedNotices(take = 100): Promise<FeedNotice[]> {
  const rows = await getDb().deprecationNotice.findMany({
    orderBy: { updatedAt: "desc" },
    take,
    select: { id: true, targetRange: true, reason: true, announcedAt: true, sunsetAt: true, updatedAt: true, status: true, replacementRange: true, replacementProduct: { select: { key: true } }, product: { select: { key: true, name: true } } },
  });
  return rows.map((r) => ({
    id: r.id, productKey: r.product.key, productName: r.product.name, targetRange: r.targetRange, reason: r.reason, announcedAt: r.announcedAt, sunsetAt: r.sunsetAt, updatedAt: r.updatedAt, status: r.status,
    replacement: r.replacementProduct || r.replacementRange ? `${r.replacementProduct?.key ?? r.product.key} ${r.replacementRange ?? ""}`.trim() : null,
  }));
}
