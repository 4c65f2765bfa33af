import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { NotFoundError, UnauthenticatedError } from "../../errors";
import type { OdpsInput } from "@/lib/domain/odps/export";

/** A product's public description (catalog data any signed-in reader sees), in the shape the ODPS export takes. */
export async function getProductExport(ctx: Ctx, key: string): Promise<OdpsInput> {
  if (ctx.actor.kind === "anonymous") throw new UnauthenticatedError();
  const p = await getDb().dataProduct.findUnique({
    where: { key },
    select: {
      key: true, name: true, description: true, topic: true, tier: true, reliabilityClass: true, lifecycleStatus: true, sloStatus: true, tags: true, createdAt: true,
      domain: { select: { slug: true } },
      team: { select: { slug: true, name: true, onCallHandle: true, contactChannel: true } },
      currentVersion: { select: { version: true } },
      versions: { orderBy: [{ major: "desc" }, { minor: "desc" }, { patch: "desc" }], select: { version: true, status: true } },
      outputPorts: { orderBy: { name: "asc" }, select: { name: true, kind: true, platform: true, namespace: true, location: true, description: true } },
      upstreamEdges: { where: { origin: "DECLARED", upstreamProductId: { not: null } }, select: { kind: true, upstreamProduct: { select: { key: true, currentVersion: { select: { version: true } } } } } },
    },
  });
  if (!p) throw new NotFoundError(`Data product "${key}"`);
  return {
    key: p.key, name: p.name, description: p.description, domain: p.domain.slug, topic: p.topic, tier: p.tier, reliabilityClass: p.reliabilityClass,
    lifecycleStatus: p.lifecycleStatus, sloStatus: p.sloStatus, tags: p.tags, createdAt: p.createdAt, team: p.team,
    currentVersion: p.currentVersion?.version ?? null,
    versions: p.versions,
    ports: p.outputPorts,
    inputs: p.upstreamEdges.map((e) => ({ key: e.upstreamProduct!.key, version: e.upstreamProduct!.currentVersion?.version ?? null, kind: e.kind })),
  };
}
