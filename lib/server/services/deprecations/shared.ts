import "server-only";
import type { Tx } from "../../db/client";
import { resolvePin } from "@/lib/domain/versions/resolve";
import { deprecationCovers } from "@/lib/domain/versions/subscription-state";

export const NOTICE_SELECT = {
  id: true,
  productId: true,
  targetRange: true,
  reason: true,
  announcedAt: true,
  sunsetAt: true,
  replacementRange: true,
  migrationNotes: true,
  status: true,
  overrideReason: true,
  withdrawnAt: true,
  replacementProduct: { select: { key: true, name: true } },
  product: { select: { id: true, key: true, name: true, teamId: true } },
} as const;

/** Does the notice cover the version (any status of the notice: callers filter)? */
export const covers = (n: { targetRange: string | null }, version: string) => deprecationCovers({ targetRange: n.targetRange, sunsetAt: new Date(0), status: "ACTIVE" }, version);

/**
 * The product's open subscriptions whose pin resolves into the target (null: the whole product),
 * with their consumer team and whether the team has acknowledged `noticeId`.
 */
export async function affectedSubscriptions(tx: Tx, productId: string, targetRange: string | null, noticeId?: string) {
  const [versions, subs] = await Promise.all([
    tx.contractVersion.findMany({ where: { productId }, select: { id: true, version: true, status: true } }),
    tx.subscription.findMany({
      where: { productId, status: { in: ["ACTIVE", "BROKEN"] } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        status: true,
        pinRange: true,
        consumerTeamId: true,
        consumerTeam: { select: { slug: true, name: true, acknowledgements: noticeId ? { where: { noticeId }, select: { state: true } } : false } },
        consumingProduct: { select: { key: true } },
        resolvedVersion: { select: { version: true } },
      },
    }),
  ]);
  const out = [];
  for (const s of subs) {
    const resolved = resolvePin(s.pinRange, versions);
    const version = resolved?.version ?? s.resolvedVersion?.version ?? null;
    if (targetRange !== null && (version === null || !covers({ targetRange }, version))) continue;
    const ack = (s.consumerTeam as { acknowledgements?: { state: "SEEN" | "MIGRATED" }[] }).acknowledgements?.[0]?.state ?? null;
    out.push({ id: s.id, status: s.status, pinRange: s.pinRange, version, consumerTeamId: s.consumerTeamId, team: { slug: s.consumerTeam.slug, name: s.consumerTeam.name }, consumingProductKey: s.consumingProduct?.key ?? null, ack });
  }
  return out;
}

/** Products that declare a dependency on this one (downstream impact). */
export async function downstreamProducts(tx: Tx, productId: string) {
  const edges = await tx.dependency.findMany({
    where: { upstreamProductId: productId },
    select: { kind: true, downstream: { select: { key: true, name: true, team: { select: { name: true, slug: true } } } } },
  });
  const seen = new Map<string, { key: string; name: string; team: string; kind: string }>();
  for (const e of edges) if (!seen.has(e.downstream.key)) seen.set(e.downstream.key, { key: e.downstream.key, name: e.downstream.name, team: e.downstream.team.name, kind: e.kind });
  return [...seen.values()];
}

/** Version statuses the notices imply: DEPRECATED for versions under an active notice, else PUBLISHED (RETIRED stays). */
export async function syncDeprecatedVersions(tx: Tx, productId: string, now: Date): Promise<void> {
  const [versions, notices] = await Promise.all([
    tx.contractVersion.findMany({ where: { productId, status: { not: "RETIRED" } }, select: { id: true, version: true, status: true } }),
    tx.deprecationNotice.findMany({ where: { productId, status: "ACTIVE" }, select: { targetRange: true, announcedAt: true } }),
  ]);
  for (const v of versions) {
    const under = notices.filter((n) => covers(n, v.version));
    if (under.length > 0 && v.status === "PUBLISHED") {
      const at = under.reduce((a, n) => (n.announcedAt < a ? n.announcedAt : a), now);
      await tx.contractVersion.update({ where: { id: v.id }, data: { status: "DEPRECATED", deprecatedAt: at } });
    } else if (under.length === 0 && v.status === "DEPRECATED") {
      await tx.contractVersion.update({ where: { id: v.id }, data: { status: "PUBLISHED", deprecatedAt: null } });
    }
  }
  const productLevel = notices.some((n) => n.targetRange === null);
  const product = await tx.dataProduct.findUnique({ where: { id: productId }, select: { lifecycleStatus: true } });
  if (productLevel && product?.lifecycleStatus === "ACTIVE") await tx.dataProduct.update({ where: { id: productId }, data: { lifecycleStatus: "DEPRECATED" } });
  if (!productLevel && product?.lifecycleStatus === "DEPRECATED") await tx.dataProduct.update({ where: { id: productId }, data: { lifecycleStatus: "ACTIVE" } });
}

export const noticeWhat = (n: { targetRange: string | null; product: { key: string } }) => (n.targetRange ? `${n.product.key} ${n.targetRange}` : n.product.key);
