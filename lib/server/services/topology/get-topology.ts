import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { can } from "../../auth/guard";
import { NotFoundError, UnauthenticatedError } from "../../errors";
import { checkSlaFeasibility, promiseOf, type FeasibilityWarning } from "@/lib/domain/topology/feasibility";

export type GraphNode = { id: string; key: string; name: string; tier: string; sloStatus: string; atRisk: boolean; degraded: boolean; kind: "product" | "source"; root: boolean };
export type GraphEdge = { from: string; to: string; kind: string; origin: string };
export type Observation = { violation: string | null; violationMessage: string | null; waived: boolean; waiverReason: string | null; firstSeen: string | null; lastSeen: string | null; runs: number; jobs: string[] };
export type DependencyRow = { id: string; kind: string; origin: string; description: string; violation: string | null; observation: Observation | null; other: { key: string; name: string; kind: "product" | "source"; sloStatus: string | null; tier: string | null } };
export type TopologyDto = {
  product: { id: string; key: string; name: string; tier: string; sloStatus: string; atRisk: boolean; degraded: boolean; team: string };
  upstream: DependencyRow[];
  downstream: DependencyRow[];
  graph: { nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean };
  feasibility: FeasibilityWarning[];
  canManage: boolean;
};

const MAX_NODES = 250;
type EdgeRow = { downstream: string; upstream: string | null; source: string | null; kind: string; origin: string };

/** A product's dependencies both ways, its neighbourhood graph (up to 250 nodes), and SLA feasibility against HARD upstreams. */
export async function getTopology(ctx: Ctx, key: string): Promise<TopologyDto> {
  if (ctx.actor.kind === "anonymous") throw new UnauthenticatedError();
  const db = getDb();
  const p = await db.dataProduct.findUnique({ where: { key }, select: { id: true, key: true, name: true, tier: true, sloStatus: true, atRisk: true, degraded: true, teamId: true, team: { select: { slug: true } } } });
  if (!p) throw new NotFoundError(`Data product "${key}"`);
  // Upstream and downstream closures (each bounded), with every edge between reached products.
  const edges = await db.$queryRaw<EdgeRow[]>`
    WITH RECURSIVE up(id, depth) AS (
      SELECT ${p.id}::text, 0 UNION
      SELECT d."upstreamProductId", u.depth + 1 FROM "Dependency" d JOIN up u ON d."downstreamId" = u.id WHERE d."upstreamProductId" IS NOT NULL AND u.depth < 12
    ), down(id, depth) AS (
      SELECT ${p.id}::text, 0 UNION
      SELECT d."downstreamId", w.depth + 1 FROM "Dependency" d JOIN down w ON d."upstreamProductId" = w.id WHERE w.depth < 12
    ), nodes AS (SELECT id FROM up UNION SELECT id FROM down)
    SELECT d."downstreamId" AS downstream, d."upstreamProductId" AS upstream, d."upstreamSourceId" AS source, d.kind::text AS kind, d.origin::text AS origin
    FROM "Dependency" d
    WHERE d."downstreamId" IN (SELECT id FROM nodes) AND (d."upstreamProductId" IN (SELECT id FROM nodes) OR d."upstreamSourceId" IS NOT NULL)
    LIMIT 5000`;
  const productIds = [...new Set([p.id, ...edges.flatMap((e) => [e.downstream, ...(e.upstream ? [e.upstream] : [])])])].slice(0, MAX_NODES);
  const sourceIds = [...new Set(edges.flatMap((e) => (e.source ? [e.source] : [])))];
  const [products, sources, direct] = await Promise.all([
    db.dataProduct.findMany({ where: { id: { in: productIds } }, select: { id: true, key: true, name: true, tier: true, sloStatus: true, atRisk: true, degraded: true } }),
    db.sourceSystem.findMany({ where: { id: { in: sourceIds } }, select: { id: true, slug: true, name: true } }),
    db.dependency.findMany({
      where: { OR: [{ downstreamId: p.id }, { upstreamProductId: p.id }] },
      select: {
        id: true, kind: true, origin: true, description: true, downstreamId: true,
        violation: true, violationMessage: true, waivedAt: true, waiverReason: true, firstObservedAt: true, lastObservedAt: true, observedRunCount: true, observedJobs: true,
        downstream: { select: { key: true, name: true, sloStatus: true, tier: true } },
        upstreamProduct: { select: { key: true, name: true, sloStatus: true, tier: true, slos: { select: { objective: true, threshold: true } } } },
        upstreamSource: { select: { slug: true, name: true } },
      },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const inGraph = new Set(productIds);
  const nodes: GraphNode[] = [
    ...products.map((x) => ({ ...x, kind: "product" as const, root: x.id === p.id })),
    ...sources.map((s) => ({ id: s.id, key: s.slug, name: s.name, tier: "SOURCE", sloStatus: "UNKNOWN", atRisk: false, degraded: false, kind: "source" as const, root: false })),
  ];
  const graphEdges = edges
    .filter((e) => inGraph.has(e.downstream) && (e.source || inGraph.has(e.upstream!)))
    .map((e) => ({ from: (e.upstream ?? e.source)!, to: e.downstream, kind: e.kind, origin: e.origin }));

  const row = (d: (typeof direct)[number], other: DependencyRow["other"]): DependencyRow => ({
    id: d.id, kind: d.kind, origin: d.origin, description: d.description, violation: d.violation, other,
    observation: d.origin === "OBSERVED"
      ? { violation: d.violation, violationMessage: d.violationMessage, waived: !!d.waivedAt, waiverReason: d.waiverReason, firstSeen: d.firstObservedAt?.toISOString() ?? null, lastSeen: d.lastObservedAt?.toISOString() ?? null, runs: d.observedRunCount, jobs: d.observedJobs }
      : null,
  });
  const upstream = direct.filter((d) => d.downstreamId === p.id).map((d) =>
    row(d, d.upstreamProduct ? { key: d.upstreamProduct.key, name: d.upstreamProduct.name, kind: "product", sloStatus: d.upstreamProduct.sloStatus, tier: d.upstreamProduct.tier } : { key: d.upstreamSource!.slug, name: d.upstreamSource!.name, kind: "source", sloStatus: null, tier: null }),
  );
  const downstream = direct.filter((d) => d.downstreamId !== p.id).map((d) => row(d, { key: d.downstream.key, name: d.downstream.name, kind: "product", sloStatus: d.downstream.sloStatus, tier: d.downstream.tier }));

  const own = await db.slo.findMany({ where: { productId: p.id }, select: { objective: true, threshold: true } });
  const hardUps = direct.filter((d) => d.downstreamId === p.id && d.kind === "HARD" && d.upstreamProduct).map((d) => ({ key: d.upstreamProduct!.key, ...promiseOf(d.upstreamProduct!.slos) }));
  return {
    product: { id: p.id, key: p.key, name: p.name, tier: p.tier, sloStatus: p.sloStatus, atRisk: p.atRisk, degraded: p.degraded, team: p.team.slug },
    upstream,
    downstream,
    graph: { nodes, edges: graphEdges, truncated: productIds.length >= MAX_NODES },
    feasibility: checkSlaFeasibility(promiseOf(own), hardUps),
    canManage: can(ctx, "dependency.manage", { teamId: p.teamId }),
  };
}
