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
  const root = snap.products.get(rootId)!;
  const keyOf = (id: string) => snap.products.get(id)?.key ?? id;
  const walk = new ImpactWalk(rootId, snap.down);

  const rows = walk.downstream().map((p) => ({ ...p, row: snap.products.get(p.id)! }));
  const totals = { products: rows.length, hardOnly: 0, atRisk: 0, red: 0, teams: 0 };
  const byTeam = new Map<string, { products: number; hardOnly: number }>();
  for (const r of rows) {
    if (r.hardOnly) totals.hardOnly++;
    if (r.row.atRisk) totals.atRisk++;
    if (r.row.sloStatus === "RED") totals.red++;
    const t = byTeam.get(r.row.teamId) ?? { products: 0, hardOnly: 0 };
    t.products++;
    if (r.hardOnly) t.hardOnly++;
    byTeam.set(r.row.teamId, t);
  }
  // Code-unit order (not locale): cheap on 10k rows and identical on every instance.
  const before = (a: { depth: number; key: string }, b: { depth: number; key: string }) => a.depth - b.depth || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const sorted = rows.map((r) => ({ ...r, key: r.row.key })).sort(before);
  let start = 0;
  if (after) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(sorted[mid]!, after) <= 0) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const pageRows = sorted.slice(start, start + limit);
  const last = pageRows[pageRows.length - 1];
  const teams = walk.teams(snap.subscribers);
  totals.teams = teams.length;
  return {
    product: { key: root.key, name: root.name, tier: root.tier, sloStatus: root.sloStatus },
    totals,
    byTeam: [...byTeam]
      .map(([teamId, c]) => ({ team: snap.teams.get(teamId)?.slug ?? teamId, name: snap.teams.get(teamId)?.name ?? teamId, ...c }))
      .sort((a, b) => b.products - a.products || (a.team < b.team ? -1 : 1)),
    teams: teams.map((t) => {
      const team = snap.teams.get(t.teamId)!;
      return { slug: team.slug, name: team.name, onCallHandle: team.onCallHandle, contactChannel: team.contactChannel, via: t.via.slice(0, VIA_SHOWN).map(keyOf), viaCount: t.via.length, path: t.path.map(keyOf) };
    }),
    products: pageRows.map((p) => {
      const { path, kinds } = walk.path(p.id);
      return { key: p.row.key, name: p.row.name, tier: p.row.tier, sloStatus: p.row.sloStatus, atRisk: p.row.atRisk, team: snap.teams.get(p.row.teamId)?.slug ?? "", depth: p.depth, path: path.map(keyOf), kinds, hardOnly: p.hardOnly };
    }),
    nextCursor: last && start + limit < sorted.length ? encodeCursor(last.depth, last.key) : null,
  };
}
