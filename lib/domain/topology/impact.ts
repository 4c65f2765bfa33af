// Impact analysis: everything downstream of a product, transitively, with the shortest path that
// reaches it, and every team subscribed to the product or to anything downstream of it.
import type { KindedEdge, DependencyKind } from "./effective-status";

export type ImpactSubscription = { productId: string; teamId: string };
export type ImpactedProduct = { id: string; depth: number; /** root ... id */ path: string[]; /** kind of each edge on the path */ kinds: DependencyKind[]; hardOnly: boolean };
export type ImpactedTeam = { teamId: string; /** the impacted products the team subscribes to (nearest first) */ via: string[]; path: string[] };
export type Impact = { products: ImpactedProduct[]; teams: ImpactedTeam[] };

/** Downstream adjacency, HARD edges first (so among equally short paths the hardest is reported). */
export type DownstreamIndex = ReadonlyMap<string, readonly KindedEdge[]>;

export function downstreamIndex(edges: readonly KindedEdge[]): DownstreamIndex {
  const down = new Map<string, KindedEdge[]>();
  for (const e of edges) {
    const list = down.get(e.upstream);
    if (list) list.push(e);
    else down.set(e.upstream, [e]);
  }
  for (const list of down.values()) list.sort((a, b) => Number(a.kind !== "HARD") - Number(b.kind !== "HARD"));
  return down;
}

/** Subscribing teams per product, built once. */
export function subscribersIndex(subscriptions: readonly ImpactSubscription[]): ReadonlyMap<string, readonly string[]> {
  const by = new Map<string, string[]>();
  for (const s of subscriptions) {
    const list = by.get(s.productId);
    if (!list) by.set(s.productId, [s.teamId]);
    else if (!list.includes(s.teamId)) list.push(s.teamId);
  }
  return by;
}

type Step = { prev: string | null; kind: DependencyKind | null; depth: number; hardOnly: boolean };

/** The BFS from `root`: every reached product (root included) with its predecessor on a shortest path. */
export class ImpactWalk {
  readonly reached = new Map<string, Step>();
  constructor(readonly root: string, down: DownstreamIndex) {
    this.reached.set(root, { prev: null, kind: null, depth: 0, hardOnly: true });
    const queue = [root];
    for (let i = 0; i < queue.length; i++) {
      const node = queue[i]!;
      const step = this.reached.get(node)!;
      for (const e of down.get(node) ?? []) {
        if (this.reached.has(e.downstream)) continue;
        this.reached.set(e.downstream, { prev: node, kind: e.kind, depth: step.depth + 1, hardOnly: step.hardOnly && e.kind === "HARD" });
        queue.push(e.downstream);
      }
    }
  }

  /** Reached products except the root. */
  downstream(): { id: string; depth: number; hardOnly: boolean }[] {
    const out: { id: string; depth: number; hardOnly: boolean }[] = [];
    for (const [id, s] of this.reached) if (id !== this.root) out.push({ id, depth: s.depth, hardOnly: s.hardOnly });
    return out;
  }

  path(id: string): { path: string[]; kinds: DependencyKind[] } {
    const path: string[] = [];
    const kinds: DependencyKind[] = [];
    for (let n: string | null = id; n !== null; n = this.reached.get(n)!.prev) {
      path.push(n);
      const k = this.reached.get(n)!.kind;
      if (k) kinds.push(k);
    }
    return { path: path.reverse(), kinds: kinds.reverse() };
  }

  /** Teams subscribed to the root or a reached product: via nearest first, path to the nearest. */
  teams(subscribers: ReadonlyMap<string, readonly string[]>): ImpactedTeam[] {
    const teams = new Map<string, { id: string; depth: number }[]>();
    for (const [id, s] of this.reached) {
      for (const teamId of subscribers.get(id) ?? []) {
        const via = teams.get(teamId);
        if (via) via.push({ id, depth: s.depth });
        else teams.set(teamId, [{ id, depth: s.depth }]);
      }
    }
    const list: ImpactedTeam[] = [...teams].map(([teamId, v]) => {
      const via = v.sort((a, b) => a.depth - b.depth || a.id.localeCompare(b.id)).map((x) => x.id);
      return { teamId, via, path: this.path(via[0]!).path };
    });
    return list.sort((a, b) => a.path.length - b.path.length || a.teamId.localeCompare(b.teamId));
  }
}

/** BFS downstream from `root` over every edge kind; products sorted by depth, then id. */
export function impactOf(root: string, edges: readonly KindedEdge[], subscriptions: readonly ImpactSubscription[]): Impact {
  const walk = new ImpactWalk(root, downstreamIndex(edges));
  const products = walk.downstream()
    .sort((a, b) => a.depth - b.depth || a.id.localeCompare(b.id))
    .map((p) => ({ id: p.id, depth: p.depth, ...walk.path(p.id), hardOnly: p.hardOnly }));
  return { products, teams: walk.teams(subscribersIndex(subscriptions)) };
}
