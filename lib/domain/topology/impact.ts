// Impact analysis: everything downstream of a product, transitively, with the shortest path that
// reaches it, and every team subscribed to the product or to anything downstream of it.
import type { KindedEdge, DependencyKind } from "./effective-status";

export type ImpactSubscription = { productId: string; teamId: string };
export type ImpactedProduct = { id: string; depth: number; /** root ... id */ path: string[]; /** kind of each edge on the path */ kinds: DependencyKind[]; hardOnly: boolean };
export type ImpactedTeam = { teamId: string; /** the impacted products the team subscribes to (nearest first) */ via: string[]; path: string[] };
export type Impact = { products: ImpactedProduct[]; teams: ImpactedTeam[] };

/** BFS downstream from `root` over every edge kind; products sorted by depth, then id. */
export function impactOf(root: string, edges: readonly KindedEdge[], subscriptions: readonly ImpactSubscription[]): Impact {
  const down = new Map<string, KindedEdge[]>();
  for (const e of edges) {
    const list = down.get(e.upstream);
    if (list) list.push(e);
    else down.set(e.upstream, [e]);
  }
  const reached = new Map<string, { prev: string | null; kind: DependencyKind | null; depth: number }>([[root, { prev: null, kind: null, depth: 0 }]]);
  const queue = [root];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    const depth = reached.get(node)!.depth;
    // HARD edges first, so that among equally short paths the hardest one is reported.
    const next = [...(down.get(node) ?? [])].sort((a, b) => Number(a.kind !== "HARD") - Number(b.kind !== "HARD"));
    for (const e of next) {
      if (reached.has(e.downstream)) continue;
      reached.set(e.downstream, { prev: node, kind: e.kind, depth: depth + 1 });
      queue.push(e.downstream);
    }
  }
  const pathTo = (id: string): { path: string[]; kinds: DependencyKind[] } => {
    const path: string[] = [];
    const kinds: DependencyKind[] = [];
    for (let n: string | null = id; n !== null; n = reached.get(n)!.prev) {
      path.unshift(n);
      const k = reached.get(n)!.kind;
      if (k) kinds.unshift(k);
    }
    return { path, kinds };
  };
  const products: ImpactedProduct[] = [];
  for (const [id, r] of reached) {
    if (id === root) continue;
    const { path, kinds } = pathTo(id);
    products.push({ id, depth: r.depth, path, kinds, hardOnly: kinds.every((k) => k === "HARD") });
  }
  products.sort((a, b) => a.depth - b.depth || a.id.localeCompare(b.id));

  const teams = new Map<string, { via: { id: string; depth: number }[] }>();
  for (const s of subscriptions) {
    const r = reached.get(s.productId);
    if (!r) continue;
    const t = teams.get(s.teamId) ?? { via: [] };
    if (!t.via.some((v) => v.id === s.productId)) t.via.push({ id: s.productId, depth: r.depth });
    teams.set(s.teamId, t);
  }
  const teamList: ImpactedTeam[] = [...teams].map(([teamId, t]) => {
    const via = t.via.sort((a, b) => a.depth - b.depth || a.id.localeCompare(b.id)).map((v) => v.id);
    return { teamId, via, path: pathTo(via[0]!).path };
  });
  teamList.sort((a, b) => a.path.length - b.path.length || a.teamId.localeCompare(b.teamId));
  return { products, teams: teamList };
}
