import "server-only";
import { getDb } from "../../db/client";
import type { KindedEdge } from "@/lib/domain/topology/effective-status";
import { graphIndex, subscribersIndex, type GraphIndex } from "@/lib/domain/topology/impact";

export type SnapshotProduct = { key: string; name: string; tier: string; teamId: string; sloStatus: string; atRisk: boolean };
export type SnapshotTeam = { slug: string; name: string; onCallHandle: string | null; contactChannel: string | null };
export type TopologySnapshot = {
  version: bigint;
  /** Every product is a node; node i is products[i]. */
  graph: GraphIndex;
  products: (SnapshotProduct | undefined)[];
  /** Position of each node's key in key order (code units): sorts by key are integer compares. */
  rank: Int32Array;
  idByKey: Map<string, string>;
  /** Teams with an open subscription (ACTIVE, BROKEN, PENDING), per subscribed node. */
  subscribers: ReadonlyMap<number, readonly string[]>;
  teams: Map<string, SnapshotTeam>;
};

const holder = globalThis as unknown as { __tesseraTopology?: { version: bigint; snapshot: Promise<TopologySnapshot> } };

/**
 * The whole product graph in memory (edges indexed downstream, product labels and status, open
 * subscriptions, team contacts), reused while the topology version is unchanged. Database
 * triggers bump that number in the transaction of every change to those tables (migration
 * 20261122010614), so one primary-key read per call tells whether this instance's copy is current:
 * no instance serves a stale graph, whoever wrote the change.
 */
export async function topologySnapshot(): Promise<TopologySnapshot> {
  const version = await currentTopologyVersion();
  const cached = holder.__tesseraTopology;
  if (cached && cached.version === version) return cached.snapshot;
  // The version is read before the tables, so the copy is at least as new as its label (a change
  // committed in between makes the next call reload, never the reverse).
  const snapshot = load(version);
  holder.__tesseraTopology = { version, snapshot };
  snapshot.catch(() => {
    if (holder.__tesseraTopology?.snapshot === snapshot) holder.__tesseraTopology = undefined;
  });
  return snapshot;
}

export async function currentTopologyVersion(): Promise<bigint> {
  const rows = await getDb().$queryRaw<{ version: bigint }[]>`SELECT version FROM "TopologyVersion" WHERE id = 1`;
  return rows[0]?.version ?? BigInt(-1);
}

async function load(version: bigint): Promise<TopologySnapshot> {
  const db = getDb();
  const [edges, products, subscriptions, teams] = await Promise.all([
    // Ordered, so that paths and orders are the same on every instance and after every reload.
    db.$queryRaw<KindedEdge[]>`SELECT "downstreamId" AS downstream, "upstreamProductId" AS upstream, kind::text AS kind FROM "Dependency" WHERE "upstreamProductId" IS NOT NULL ORDER BY "upstreamProductId", "downstreamId"`,
    db.$queryRaw<(SnapshotProduct & { id: string })[]>`
      SELECT id, key, name, tier::text AS tier, "teamId", "sloStatus"::text AS "sloStatus", "atRisk" FROM "DataProduct"`,
    db.$queryRaw<{ productId: string; teamId: string }[]>`
      SELECT DISTINCT "productId", "consumerTeamId" AS "teamId" FROM "Subscription" WHERE status IN ('ACTIVE', 'BROKEN', 'PENDING')`,
    db.$queryRaw<(SnapshotTeam & { id: string })[]>`SELECT id, slug, name, "onCallHandle", "contactChannel" FROM "Team"`,
  ]);
  const graph = graphIndex(edges, products.map((p) => p.id));
  const byNode: (SnapshotProduct | undefined)[] = new Array(graph.ids.length);
  for (const { id, ...p } of products) byNode[graph.index.get(id)!] = p;
  const rank = new Int32Array(graph.ids.length);
  const keyOf = (n: number) => byNode[n]?.key ?? graph.ids[n]!;
  Array.from(graph.ids.keys()).sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0)).forEach((n, i) => (rank[n] = i));
  return {
    version,
    graph,
    products: byNode,
    rank,
    idByKey: new Map(products.map((p) => [p.key, p.id])),
    subscribers: subscribersIndex(graph, subscriptions),
    teams: new Map(teams.map(({ id, ...t }) => [id, t])),
  };
}
