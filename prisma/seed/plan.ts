// The whole demo data set, planned in memory (and checked) before anything is written.
import { DAY, type Clock } from "./clock";
import { planActivity } from "./plan-activity";
import { planCatalog } from "./plan-catalog";
import { planContracts } from "./plan-contracts";
import { planRelations } from "./plan-relations";
import { planStatus } from "./plan-status";

export type DemoPlan = ReturnType<typeof planDemo>;

export function planDemo(clock: Clock, passwordHashes: Map<string, string>) {
  const catalog = planCatalog(clock, passwordHashes);
  const contracts = planContracts(clock, catalog);
  const relations = planRelations(clock, catalog, contracts);

  const hard = new Map<string, string[]>();
  const soft = new Map<string, string[]>();
  for (const d of relations.dependencies) {
    if (!d.upstreamProductId) continue;
    const map = d.kind === "HARD" ? hard : d.kind === "SOFT" ? soft : null;
    map?.set(d.downstreamId, [...(map.get(d.downstreamId) ?? []), d.upstreamProductId]);
  }
  assertFreshnessPossible(catalog, contracts, hard);
  const status = planStatus(clock, catalog, contracts, hard, soft);

  for (const p of catalog.products) {
    const versions = contracts.byProduct.get(p.key)!;
    const s = status.products.get(p.id)!;
    Object.assign(p, {
      createdAt: new Date(versions[0]!.publishedAt.getTime() - DAY),
      updatedAt: versions[versions.length - 1]!.publishedAt,
      sloStatus: s.sloStatus,
      atRisk: s.atRisk,
      degraded: s.degraded,
      statusComputedAt: clock.now,
      activeSubscriberCount: relations.activeSubscribers.get(p.id) ?? 0,
    });
  }
  for (const p of catalog.products) {
    const team = catalog.teams.find((t) => t.id === p.teamId)!;
    if (p.createdAt! < team.createdAt!) throw new Error(`Seed: ${p.key} is older than its team ${team.slug}`);
  }
  const activity = planActivity(clock, catalog, contracts, relations);
  return { catalog, contracts, relations, status, activity };
}

/** A product cannot promise to be fresher than its hard upstreams. */
function assertFreshnessPossible(catalog: ReturnType<typeof planCatalog>, contracts: ReturnType<typeof planContracts>, hard: Map<string, string[]>) {
  const byId = new Map(catalog.products.map((p) => [p.id, p]));
  const freshness = (id: string) => contracts.current.get(byId.get(id)!.key)!.document.sla.freshness?.maxAgeMinutes ?? Infinity;
  for (const [down, ups] of hard) {
    for (const up of ups) {
      if (freshness(down) < freshness(up)) {
        throw new Error(`Seed: ${byId.get(down)!.key} promises ${freshness(down)} min freshness but its hard upstream ${byId.get(up)!.key} only ${freshness(up)}`);
      }
    }
  }
}
