// Impact analysis: everything downstream of a product, transitively, with the shortest path that
// reaches it, and every team subscribed to the product or to anything downstream of it.
// The graph is indexed once (nodes as integers, downstream edges in flat arrays) so a walk over a
// 10k-product catalog is a few typed-array passes, not map lookups.
import type { KindedEdge, DependencyKind } from "./effective-status";

export type ImpactSubscription = { productId: string; teamId: string };
export type ImpactedProduct = { id: string; depth: number; /** root ... id */ path: string[]; /** kind of each edge on the path */ kinds: DependencyKind[]; hardOnly: boolean };
export type ImpactedTeam = { teamId: string; /** the impacted products the team subscribes to (nearest first) */ via: string[]; path: string[] };
export type Impact = { products: ImpactedProduct[]; teams: ImpactedTeam[] };

const KINDS: DependencyKind[] = ["HARD", "SOFT", "CONTROL", "TRUTH"];

/** Nodes as integers; downstream edges in CSR form, HARD edges first per node. */
export type GraphIndex = {
  ids: string[];
  index: Map<string, number>;
  start: Int32Array;
  next: Int32Array;
  kind: Uint8Array;
};

export function graphIndex(edges: readonly KindedEdge[], nodes: readonly string[] = []): GraphIndex {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const id = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = ids.length;
      ids.push(s);
      index.set(s, i);
    }
    return i;
  };
  for (const n of nodes) id(n);
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  edges.forEach((e, k) => {
    from[k] = id(e.upstream);
    to[k] = id(e.downstream);
  });
  const start = new Int32Array(ids.length + 1);
  for (let k = 0; k < edges.length; k++) start[from[k]! + 1]!++;
  for (let i = 0; i < ids.length; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, ids.length);
  const next = new Int32Array(edges.length);
  const kind = new Uint8Array(edges.length);
  // Two passes keep HARD edges first per node, each in input order.
  for (const hard of [true, false]) {
    edges.forEach((e, k) => {
      if ((e.kind === "HARD") !== hard) return;
      const at = fill[from[k]!]!++;
      next[at] = to[k]!;
      kind[at] = KINDS.indexOf(e.kind);
    });
  }
  return { ids, index, start, next, kind };
}

/** The BFS from a root: shortest paths, HARD edges preferred among equally short ones. */
export class ImpactWalk {
  /** Reached nodes in BFS order (non-decreasing depth), the root first. */
  readonly order: Int32Array;
  readonly count: number;
  /** Per node: depth (-1 when not reached), predecessor, kind of the edge from it, HARD-only path. */
  readonly depth: Int32Array;
  readonly prev: Int32Array;
  readonly prevKind: Uint8Array;
  readonly hardOnly: Uint8Array;

  constructor(readonly g: GraphIndex, readonly root: number) {
    const n = g.ids.length;
    this.depth = new Int32Array(n).fill(-1);
    this.prev = new Int32Array(n).fill(-1);
    this.prevKind = new Uint8Array(n);
    this.hardOnly = new Uint8Array(n);
    const order = new Int32Array(n);
    let head = 0;
    let tail = 0;
    if (root >= 0 && root < n) {
      order[tail++] = root;
      this.depth[root] = 0;
      this.hardOnly[root] = 1;
    }
    while (head < tail) {
      const node = order[head++]!;
      const d = this.depth[node]! + 1;
      const h = this.hardOnly[node]!;
      for (let k = g.start[node]!, end = g.start[node + 1]!; k < end; k++) {
        const m = g.next[k]!;
        if (this.depth[m] !== -1) continue;
        this.depth[m] = d;
        this.prev[m] = node;
        this.prevKind[m] = g.kind[k]!;
        this.hardOnly[m] = h && g.kind[k] === 0 ? 1 : 0;
        order[tail++] = m;
      }
    }
    this.order = order;
    this.count = tail;
  }

  path(node: number): { path: string[]; kinds: DependencyKind[] } {
    const path: string[] = [];
    const kinds: DependencyKind[] = [];
    for (let n = node; n !== -1; n = this.prev[n]!) {
      path.push(this.g.ids[n]!);
      if (n !== this.root) kinds.push(KINDS[this.prevKind[n]!]!);
    }
    return { path: path.reverse(), kinds: kinds.reverse() };
  }

  /**
   * Teams subscribed to the root or a reached product (`subscribers`: node -> team ids), with the
   * reached products they subscribe to nearest first (ties by `rank`), the path to the nearest,
   * nearest teams first.
   */
  teams(subscribers: ReadonlyMap<number, readonly string[]>, rank: (node: number) => number): { teamId: string; via: number[]; path: string[] }[] {
    const teams = new Map<string, number[]>();
    for (let i = 0; i < this.count; i++) {
      const node = this.order[i]!;
      for (const teamId of subscribers.get(node) ?? []) {
        const via = teams.get(teamId);
        if (via) via.push(node);
        else teams.set(teamId, [node]);
      }
    }
    const out = [...teams].map(([teamId, via]) => {
      via.sort((a, b) => this.depth[a]! - this.depth[b]! || rank(a) - rank(b));
      return { teamId, via, path: this.path(via[0]!).path };
    });
    return out.sort((a, b) => a.path.length - b.path.length || (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : 0));
  }
}

/** Subscribing teams per node of `g`. */
export function subscribersIndex(g: GraphIndex, subscriptions: readonly ImpactSubscription[]): Map<number, string[]> {
  const by = new Map<number, string[]>();
  for (const s of subscriptions) {
    const node = g.index.get(s.productId);
    if (node === undefined) continue;
    const list = by.get(node);
    if (!list) by.set(node, [s.teamId]);
    else if (!list.includes(s.teamId)) list.push(s.teamId);
  }
  return by;
}

/** BFS downstream from `root` over every edge kind; products sorted by depth, then id. */
export function impactOf(root: string, edges: readonly KindedEdge[], subscriptions: readonly ImpactSubscription[]): Impact {
  const g = graphIndex(edges, [root, ...subscriptions.map((s) => s.productId)]);
  const walk = new ImpactWalk(g, g.index.get(root)!);
  const byId = (a: number, b: number) => (g.ids[a]! < g.ids[b]! ? -1 : g.ids[a]! > g.ids[b]! ? 1 : 0);
  const reached = Array.from(walk.order.subarray(1, walk.count)).sort((a, b) => walk.depth[a]! - walk.depth[b]! || byId(a, b));
  const products = reached.map((n) => ({ id: g.ids[n]!, depth: walk.depth[n]!, ...walk.path(n), hardOnly: walk.hardOnly[n] === 1 }));
  const teams = walk.teams(subscribersIndex(g, subscriptions), (n) => n).map((t) => {
    const via = t.via.sort((a, b) => walk.depth[a]! - walk.depth[b]! || byId(a, b));
    return { teamId: t.teamId, via: via.map((n) => g.ids[n]!), path: walk.path(via[0]!).path };
  });
  return { products, teams };
}
