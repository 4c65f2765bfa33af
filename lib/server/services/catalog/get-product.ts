import "server-only";
import { getDb } from "../../db/client";
import { NotFoundError } from "../../errors";
import { productCardSelect } from "./selects";

const edgeProduct = { select: { key: true, name: true, tier: true, sloStatus: true } } as const;

/** Everything the product page shows, in one query. */
export async function getProduct(key: string) {
  const p = await getDb().dataProduct.findUnique({
    where: { key },
    select: {
      ...productCardSelect,
      requiresApproval: true,
      createdAt: true,
      domainId: true,
      teamId: true,
      team: { select: { id: true, slug: true, name: true, onCallHandle: true, contactChannel: true } },
      outputPorts: { select: { name: true, kind: true, platform: true, location: true, description: true }, orderBy: { name: "asc" } },
      currentVersion: {
        select: {
          id: true,
          version: true,
          status: true,
          owner: true,
          sla: true,
          semantics: true,
          changeClass: true,
          sourceFormat: true,
          publishedAt: true,
          publishedBy: { select: { name: true } },
          fields: {
            orderBy: { position: "asc" },
            select: { path: true, name: true, type: true, required: true, description: true, tags: true, pii: true, mask: true, enumValues: true },
          },
        },
      },
      versions: {
        orderBy: [{ major: "desc" }, { minor: "desc" }, { patch: "desc" }],
        select: { id: true, version: true, status: true, changeClass: true, changelog: true, publishedAt: true, publishedBy: { select: { name: true } } },
      },
      slos: {
        orderBy: { objective: "asc" },
        select: { objective: true, threshold: true, targetPercent: true, windowDays: true, status: true, currentValue: true, attainment: true, budgetRemaining: true, lastMeasuredAt: true },
      },
      notices: {
        where: { status: "ACTIVE" },
        orderBy: { sunsetAt: "asc" },
        select: { id: true, targetRange: true, reason: true, announcedAt: true, sunsetAt: true, replacementRange: true, migrationNotes: true, replacementProduct: { select: { key: true, name: true } } },
      },
      subscriptions: {
        where: { status: { in: ["ACTIVE", "PENDING", "BROKEN"] } },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          pinRange: true,
          purpose: true,
          status: true,
          consumerTeam: { select: { slug: true, name: true } },
          consumingProduct: { select: { key: true, name: true } },
          resolvedVersion: { select: { version: true } },
        },
      },
      upstreamEdges: { select: { kind: true, origin: true, violation: true, waivedAt: true, upstreamProduct: edgeProduct, upstreamSource: { select: { name: true, kind: true } } } },
      downstreamEdges: { select: { kind: true, origin: true, violation: true, waivedAt: true, downstream: edgeProduct } },
    },
  });
  if (!p) throw new NotFoundError(`Data product "${key}"`);
  const family = await getDb().dataProduct.findMany({
    where: { domainId: p.domainId, topic: p.topic },
    select: { key: true, tier: true, name: true, lifecycleStatus: true, sloStatus: true, currentVersion: { select: { version: true } } },
  });
  return { ...p, family };
}

export type ProductPage = Awaited<ReturnType<typeof getProduct>>;
