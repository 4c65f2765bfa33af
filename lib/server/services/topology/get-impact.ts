import "server-only";
import { topologySnapshot } from "./topology-snapshot";
import type { Ctx } from "../../auth/context";
import { NotFoundError, UnauthenticatedError, ValidationError } from "../../errors";
import { ImpactWalk } from "@/lib/domain/topology/impact";
import type { DependencyKind } from "@/lib/domain/topology/effective-status";
import { IMPACT_PAGE_DEFAULT, IMPACT_PAGE_MAX } from "./schemas";

/** A team's `via` lists its nearest impacted subscriptions; `viaCount` says how many there are. */
const VIA_SHOWN = 5;

export type ImpactedProductDto = { key: string; name: string; tier: string; sloStatus: string; atRisk: boolean; team: string; depth: number; path: string[]; kinds: DependencyKind[]; hardOnly: boolean };
export type ImpactDto = {
  product: { key: string; name: string; tier: string; sloStatus: string };
  totals: { products: number; hardOnly: number; atRisk: number; red: number; teams: number };
  /** Owner teams of the downstream products, most impacted first. */
  byTeam: { team: string; name: string; products: number; hardOnly: number }[];
  /** Every team subscribed to the product or to anything downstream ("who to tell"), nearest first. */
  teams: { slug: string; name: string; onCallHandle: string | null; contactChannel: string | null; via: string[]; viaCount: number; path: string[] }[];
  /** One page of the downstream products, by depth then key. */
  products: ImpactedProductDto[];
  nextCursor: string | null;
};

const encodeCursor = (depth: number, key: string) => Buffer.from(`${depth}:${key}`, "utf8").toString("base64url");
function decodeCursor(cursor: string): { depth: number; key: string } {
  const m = /^(\d{1,6}):(.+)$/s.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!m) throw new ValidationError("The cursor is not valid: pass the nextCursor of a previous answer.");
  return { depth: Number(m[1]), key: m[2]! };
}

/**
 * Who is hurt if `key` breaks: every product downstream (any edge kind), transitively, with the
 * path (paged: `limit`, `cursor`), totals, a per-owner-team summary, and every team subscribed to
 * it or to one of them. The graph is the in-memory topology snapshot; the walk is lib/domain.
 */
export async function getImpact(ctx: Ctx, key: string, page: { limit?: number; cursor?: string } = {}): Promise<ImpactDto> {
  if (ctx.actor.kind === "anonymous") throw new UnauthenticatedError();
  const limit = page.limit ?? IMPACT_PAGE_DEFAULT;
  if (!Number.isInteger(limit) || limit < 1 || limit > IMPACT_PAGE_MAX) throw new ValidationError(`limit must be an integer from 1 to ${IMPACT_PAGE_MAX}.`);
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const snap = await topologySnapshot();
  const rootId = snap.idByKey.get(key);
  if (!rootId) throw new NotFoundError(`Data product "${key}"`);
  const rootNode = snap.graph.index.get(rootId)!;
  const root = snap.products[rootNode]!;
  const keyOf = (node: number) => snap.products[node]?.key ?? snap.graph.ids[node]!;
  const walk = new ImpactWalk(snap.graph, rootNode);

  const totals = { products: walk.count - 1, hardOnly: 0, atRisk: 0, red: 0, teams: 0 };
  const byTeam = new Map<string, { products: number; hardOnly: number }>();
  const reached = walk.order.slice(1, walk.count);
  for (const node of reached) {
    const row = snap.products[node]!;
    const hard = walk.hardOnly[node] === 1;
    if (hard) totals.hardOnly++;
    if (row.atRisk) totals.atRisk++;
    if (row.sloStatus === "RED") totals.red++;
    const t = byTeam.get(row.teamId);
    if (t) (t.products++, hard && t.hardOnly++);
    else byTeam.set(row.teamId, { products: 1, hardOnly: hard ? 1 : 0 });
  }
  // Depth, then key (code units: identical on every instance); integer compares via the key rank.
  reached.sort((a, b) => walk.depth[a]! - walk.depth[b]! || snap.rank[a]! - snap.rank[b]!);
  let start = 0;
  if (after) {
    const beforeOrAt = (node: number) => {
      const d = walk.depth[node]!;
      return d < after.depth || (d === after.depth && keyOf(node) <= after.key);
    };
    let lo = 0;
    let hi = reached.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (beforeOrAt(reached[mid]!)) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const onPage = reached.subarray(start, start + limit);
  const last = onPage.length ? onPage[onPage.length - 1]! : -1;
  const teams = walk.teams(snap.subscribers, (n) => snap.rank[n]!);
  totals.teams = teams.length;
  return {
    product: { key: root.key, name: root.name, tier: root.tier, sloStatus: root.sloStatus },
    totals,
    byTeam: [...byTeam]
      .map(([teamId, c]) => ({ team: snap.teams.get(teamId)?.slug ?? teamId, name: snap.teams.get(teamId)?.name ?? teamId, ...c }))
      .sort((a, b) => b.products - a.products || (a.team < b.team ? -1 : 1)),
    teams: teams.map((t) => {
      const team = snap.teams.get(t.teamId)!;
      return { slug: team.slug, name: team.name, onCallHandle: team.onCallHandle, contactChannel: team.contactChannel, via: t.via.slice(0, VIA_SHOWN).map(keyOf), viaCount: t.via.length, path: t.path.map((id) => keyOf(snap.graph.index.get(id)!)) };
    }),
    products: Array.from(onPage, (node) => {
      const row = snap.products[node]!;
      const { path, kinds } = walk.path(node);
      return { key: row.key, name: row.name, tier: row.tier, sloStatus: row.sloStatus, atRisk: row.atRisk, team: snap.teams.get(row.teamId)?.slug ?? "", depth: walk.depth[node]!, path: path.map((id) => keyOf(snap.graph.index.get(id)!)), kinds, hardOnly: walk.hardOnly[node] === 1 };
    }),
    nextCursor: last !== -1 && start + limit < reached.length ? encodeCursor(walk.depth[last]!, keyOf(last)) : null,
  };
}
