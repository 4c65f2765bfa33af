import "server-only";
import { getDb } from "../../db/client";
import type { KindedEdge } from "@/lib/domain/topology/effective-status";

export type SnapshotProduct = { key: string; name: string; tier: string; teamSlug: string; sloStatus: string; atRisk: boolean };
export type SnapshotTeam = { slug: string; name: string; onCallHandle: string | null; contactChannel: string | null };
export type TopologySnapshot = {
  edges: KindedEdge[];
  products: Map<string, SnapshotProduct>;
  idByKey: Map<string, string>;
  subscriptions: { productId: string; teamId: string }[];
  teams: Map<string, SnapshotTeam>;
};

const holder = globalThis as unknown as { __tesseraTopology?: { version: string; snapshot: Promise<TopologySnapshot> } };

/**
 * The whole product graph in memory (edges, product labels and status, open subscriptions), reused
 * while a one-round-trip fingerprint of the tables is unchanged: impact analysis on a hub that
 * reaches the whole catalog then costs one small query plus a BFS, not a recursive CTE over it.
 * Each app instance checks the fingerprint on every call, so no instance serves a stale graph.
 */
export async function topologySnapshot(): Promise<TopologySnapshot> {
  const db = getDb();
  const [v] = await db.$queryRaw<{ v: string }[]>`
    SELECT concat_ws('|',
      (SELECT count(*) || ':' || coalesce(sum(hashtext(id || kind::text || coalesce("upstreamProductId", ''))), 0) FROM "Dependency"),
      (SELECT count(*) || ':' || coalesce(max("updatedAt")::text, '') || ':' || coalesce(sum(hashtext(id || status::text)), 0) FROM "Subscription"),
      (SELECT count(*) || ':' || coalesce(max("updatedAt")::text, '') || ':' || coalesce(max("statusComputedAt")::text, '') FROM "DataProduct"),
      (SELECT count(*) || ':' || coalesce(max("updatedAt")::text, '') FROM "Team")) AS v`;
  const version = v!.v;
  if (holder.__tesseraTopology?.version === version) return holder.__tesseraTopology.snapshot;
  const snapshot = load();
  holder.__tesseraTopology = { version, snapshot };
  snapshot.catch(() => {
    if (holder.__tesseraTopology?.snapshot === snapshot) holder.__tesseraTopology = undefined;
  });
  return snapshot;
}

async function load(): Promise<TopologySnapshot> {
  const db = getDb();
  const [edges, products, subscriptions, teams] = await Promise.all([
    db.$queryRaw<KindedEdge[]>`SELECT "downstreamId" AS downstream, "upstreamProductId" AS upstream, kind::text AS kind FROM "Dependency" WHERE "upstreamProductId" IS NOT NULL`,
    db.$queryRaw<(SnapshotProduct & { id: string })[]>`
      SELECT p.id, p.key, p.name, p.tier::text AS tier, t.slug AS "teamSlug", p."sloStatus"::text AS "sloStatus", p."atRisk"
      FROM "DataProduct" p JOIN "Team" t ON t.id = p."teamId"`,
    db.$queryRaw<{ productId: string; teamId: string }[]>`
      SELECT DISTINCT "productId", "consumerTeamId" AS "teamId" FROM "Subscription" WHERE status IN ('ACTIVE', 'BROKEN', 'PENDING')`,
    db.$queryRaw<(SnapshotTeam & { id: string })[]>`SELECT id, slug, name, "onCallHandle", "contactChannel" FROM "Team"`,
  ]);
  return {
    edges,
    products: new Map(products.map(({ id, ...p }) => [id, p])),
    idByKey: new Map(products.map((p) => [p.key, p.id])),
    subscriptions,
    teams: new Map(teams.map(({ id, ...t }) => [id, t])),
  };
}
