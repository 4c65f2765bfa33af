import "server-only";
import { topologySnapshot } from "./topology-snapshot";
import type { Ctx } from "../../auth/context";
import { NotFoundError, UnauthenticatedError } from "../../errors";
import { impactOf } from "@/lib/domain/topology/impact";
import type { DependencyKind } from "@/lib/domain/topology/effective-status";

export type ImpactDto = {
  product: { key: string; name: string; tier: string; sloStatus: string };
  products: { key: string; name: string; tier: string; sloStatus: string; atRisk: boolean; team: string; depth: number; path: string[]; kinds: DependencyKind[]; hardOnly: boolean }[];
  teams: { slug: string; name: string; onCallHandle: string | null; contactChannel: string | null; via: string[]; path: string[] }[];
};

/**
 * Who is hurt if `key` breaks: every product downstream (any edge kind), transitively, with the
 * path, and every team subscribed to it or to one of them. The graph comes from the in-memory
 * topology snapshot (checked against the tables on every call); the walk is lib/domain.
 */
export async function getImpact(ctx: Ctx, key: string): Promise<ImpactDto> {
  if (ctx.actor.kind === "anonymous") throw new UnauthenticatedError();
  const snap = await topologySnapshot();
  const rootId = snap.idByKey.get(key);
  if (!rootId) throw new NotFoundError(`Data product "${key}"`);
  const root = snap.products.get(rootId)!;
  const keyOf = (id: string) => snap.products.get(id)?.key ?? id;
  const impact = impactOf(rootId, snap.edges, snap.subscriptions);
  return {
    product: { key: root.key, name: root.name, tier: root.tier, sloStatus: root.sloStatus },
    products: impact.products.map((p) => {
      const row = snap.products.get(p.id)!;
      return { key: row.key, name: row.name, tier: row.tier, sloStatus: row.sloStatus, atRisk: row.atRisk, team: row.teamSlug, depth: p.depth, path: p.path.map(keyOf), kinds: p.kinds, hardOnly: p.hardOnly };
    }),
    teams: impact.teams.map((t) => {
      const team = snap.teams.get(t.teamId)!;
      return { slug: team.slug, name: team.name, onCallHandle: team.onCallHandle, contactChannel: team.contactChannel, via: t.via.map(keyOf), path: t.path.map(keyOf) };
    }),
  };
}
