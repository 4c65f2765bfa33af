import "server-only";
import type { Db, Tx } from "../../db/client";
import { NotFoundError } from "../../errors";
import type { ContractDocument } from "@/lib/domain/contracts/document";
import type { PublishState } from "@/lib/domain/contracts/publish-check";
import { getGovernanceSettings } from "../governance/get-governance-settings";
import { promiseOf } from "@/lib/domain/topology/feasibility";

/** What a publish is checked against: the product, its versions, subscribers, notices and rules. */
export async function loadPublishState(client: Db | Tx, key: string, teamId: string) {
  const p = await client.dataProduct.findFirst({
    where: { key, teamId },
    select: {
      id: true,
      key: true,
      tier: true,
      reliabilityClass: true,
      lifecycleStatus: true,
      currentVersionId: true,
      team: { select: { slug: true, onCallHandle: true } },
      versions: { select: { id: true, version: true, status: true, document: true } },
      // BROKEN ones too: a new version inside their range revives them (the rules look at ACTIVE only).
      subscriptions: { where: { status: { in: ["ACTIVE", "BROKEN"] } }, select: { id: true, pinRange: true, status: true, resolvedVersionId: true, consumerTeamId: true, consumerTeam: { select: { slug: true } } } },
      notices: { where: { status: "ACTIVE" }, select: { targetRange: true, sunsetAt: true, status: true, reason: true } },
      upstreamEdges: {
        where: { kind: "HARD", upstreamProductId: { not: null } },
        select: { upstreamProduct: { select: { key: true, slos: { where: { objective: { in: ["FRESHNESS", "COMPLETENESS"] } }, select: { objective: true, threshold: true } } } } },
      },
    },
  });
  if (!p) throw new NotFoundError(`Data product "${key}"`);
  const settings = await getGovernanceSettings(client);
  const state = {
    product: { key: p.key, tier: p.tier, reliabilityClass: p.reliabilityClass, lifecycleStatus: p.lifecycleStatus, team: p.team.slug, onCallHandle: p.team.onCallHandle },
    versions: p.versions.map((v) => ({ id: v.id, version: v.version, status: v.status, document: v.document as unknown as ContractDocument })),
    subscriptions: p.subscriptions.map((s) => ({ id: s.id, consumerTeam: s.consumerTeam.slug, consumerTeamId: s.consumerTeamId, pinRange: s.pinRange, status: s.status, resolvedVersionId: s.resolvedVersionId })),
    notices: p.notices,
    settings: settings.contractRules,
    hardUpstreams: [...new Map(p.upstreamEdges.flatMap((e) => (e.upstreamProduct ? [[e.upstreamProduct.key, e.upstreamProduct] as const] : []))).values()].map((u) => ({ key: u.key, ...promiseOf(u.slos) })),
  } satisfies PublishState;
  return { productId: p.id, currentVersionId: p.currentVersionId, state };
}
