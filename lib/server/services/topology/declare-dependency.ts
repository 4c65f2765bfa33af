import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { ConflictError, NotFoundError, PolicyViolation, ValidationError, type Violation } from "../../errors";
import { checkTierDependency } from "@/lib/domain/governance/tier-rules";
import { cycleIfAdded } from "@/lib/domain/topology/cycles";
import { getPlatformSettings } from "../settings/get-platform-settings";
import { recomputeEffectiveStatus } from "../slo/recompute-status";
import { ZDeclareDependency } from "./schemas";

const productRef = { id: true, key: true, teamId: true, topic: true, tier: true, domain: { select: { slug: true } } } as const;

/** An owner declares that their product reads an upstream product or source system; tier rules and cycles are checked. */
export async function declareDependency({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZDeclareDependency.safeParse(input);
  if (!parsed.success) throw new ValidationError("The dependency is not valid.", parsed.error.issues);
  const data = parsed.data;
  const db = getDb();
  const owner = await db.dataProduct.findUnique({ where: { key: data.product }, select: { teamId: true } });
  if (!owner) throw new NotFoundError(`Data product "${data.product}"`);
  requirePermission(ctx, "dependency.manage", { teamId: owner.teamId });
  const created = await db.$transaction(async (tx) => {
    // Serialise edge changes so two concurrent declarations cannot close a cycle together.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tessera.topology'))`;
    const down = await tx.dataProduct.findFirst({ where: { key: data.product, teamId: owner.teamId }, select: productRef });
    if (!down) throw new NotFoundError(`Data product "${data.product}"`);
    const violations: Violation[] = [];
    let upstreamProductId: string | null = null;
    let upstreamSourceId: string | null = null;
    let label: string;
    if (data.upstreamProduct) {
      const up = await tx.dataProduct.findUnique({ where: { key: data.upstreamProduct }, select: productRef });
      if (!up) throw new NotFoundError(`Data product "${data.upstreamProduct}"`);
      upstreamProductId = up.id;
      label = up.key;
      const settings = await getPlatformSettings(tx);
      const tier = checkTierDependency({ domain: down.domain.slug, topic: down.topic, tier: down.tier }, { domain: up.domain.slug, topic: up.topic, tier: up.tier }, settings.tierRules);
      if (!tier.ok) violations.push({ rule: tier.rule, message: tier.message, path: "upstreamProduct" });
      const edges = await tx.dependency.findMany({ where: { upstreamProductId: { not: null } }, select: { downstreamId: true, upstreamProductId: true } });
      const cycle = cycleIfAdded(edges.map((e) => ({ downstream: e.downstreamId, upstream: e.upstreamProductId! })), down.id, up.id);
      if (cycle) violations.push({ rule: "topology.no-cycles", message: `${down.key} cannot depend on ${up.key}: ${up.key === down.key ? "a product cannot depend on itself" : `${up.key} already depends on ${down.key}, which would make a cycle`}.`, path: "upstreamProduct" });
    } else {
      const src = await tx.sourceSystem.findUnique({ where: { slug: data.upstreamSource! }, select: { id: true, slug: true } });
      if (!src) throw new NotFoundError(`Source system "${data.upstreamSource}"`);
      upstreamSourceId = src.id;
      label = `source ${src.slug}`;
    }
    if (violations.length) throw new PolicyViolation(violations);
    const existing = await tx.dependency.findFirst({ where: { downstreamId: down.id, origin: "DECLARED", ...(upstreamProductId ? { upstreamProductId } : { upstreamSourceId }) }, select: { id: true } });
    if (existing) throw new ConflictError(`${down.key} already declares a dependency on ${label}.`, { dependencyId: existing.id });
    const dep = await tx.dependency.create({
      data: { downstreamId: down.id, upstreamProductId, upstreamSourceId, kind: data.kind, origin: "DECLARED", description: data.description },
      select: { id: true, kind: true, origin: true, description: true },
    });
    const after = { ...dep, product: down.key, upstream: label };
    await writeAudit(tx, ctx, { action: "dependency.declare", entityType: "Dependency", entityId: dep.id, teamId: owner.teamId, productId: down.id, after });
    return after;
  });
  await recomputeEffectiveStatus().catch((e) => console.error("[tessera] effective status after a dependency change failed:", e));
  return created;
}
