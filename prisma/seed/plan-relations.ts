// Deprecation notices, subscriptions (resolved by lib/domain/versions) and dependency edges
// (checked against the tier rules), as rows. Fails loudly when the demo data breaks a rule.
import type { Prisma } from "../../lib/server/db/generated/client";
import { checkTierDependency } from "../../lib/domain/governance/tier-rules";
import { normalizePin } from "../../lib/domain/versions/pin";
import { resolvePin } from "../../lib/domain/versions/resolve";
import { deprecationCovers } from "../../lib/domain/versions/subscription-state";
import { DAY, type Clock } from "./clock";
import { NOTICES } from "./deprecations";
import { newId } from "./ids";
import type { CatalogPlan } from "./plan-catalog";
import type { ContractsPlan } from "./plan-contracts";
import { SUBSCRIPTIONS } from "./subscriptions";
import { EDGES } from "./topology";

export const MIN_DEPRECATION_DAYS = 90;

type SubscriptionStatus = "ACTIVE" | "PENDING" | "REJECTED" | "BROKEN";

export type RelationsPlan = {
  notices: (Prisma.DeprecationNoticeCreateManyInput & { id: string; announcedAt: Date; sunsetAt: Date })[];
  acks: Prisma.DeprecationAckCreateManyInput[];
  subscriptions: (Prisma.SubscriptionCreateManyInput & { id: string; createdAt: Date; updatedAt: Date })[];
  dependencies: Prisma.DependencyCreateManyInput[];
  activeSubscribers: Map<string, number>;
};

export function planRelations(clock: Clock, catalog: CatalogPlan, contracts: ContractsPlan): RelationsPlan {
  const productById = new Map(catalog.products.map((p) => [p.id, p]));
  const ownerTeam = (key: string) => catalog.product(key).ownerTeam;

  const notices = NOTICES.map((n) => {
    const announcedAt = clock.daysAgo(n.announcedDaysAgo);
    const sunsetAt = clock.daysFromNow(n.sunsetInDays);
    return {
      id: newId(),
      productId: catalog.product(n.product).id,
      targetRange: n.targetRange === null ? null : normalizePin(n.targetRange),
      reason: n.reason,
      announcedAt,
      sunsetAt,
      replacementProductId: n.replacementProduct ? catalog.product(n.replacementProduct).id : null,
      replacementRange: n.replacementRange ? normalizePin(n.replacementRange) : null,
      migrationNotes: n.migrationNotes,
      status: sunsetAt <= clock.now ? ("COMPLETED" as const) : ("ACTIVE" as const),
      createdById: catalog.ownerOf(ownerTeam(n.product)),
      createdAt: announcedAt,
      updatedAt: sunsetAt <= clock.now ? sunsetAt : announcedAt,
    };
  });
  const acks = NOTICES.flatMap((n, i) =>
    (n.acks ?? []).map((a) => ({
      noticeId: notices[i]!.id,
      teamId: catalog.teamId(a.team),
      state: a.state,
      userId: catalog.ownerOf(a.team),
      updatedAt: clock.daysAgo(Math.max(1, n.announcedDaysAgo - 5)),
    })),
  );

  const subscriptions = SUBSCRIPTIONS.map((s) => {
    const product = catalog.product(s.product);
    const pinRange = normalizePin(s.pin);
    const resolved = resolvePin(pinRange, contracts.byProduct.get(s.product)!);
    const status: SubscriptionStatus = s.status === "ACTIVE" && resolved === null ? "BROKEN" : s.status;
    const createdAt = clock.daysAgo(s.createdDaysAgo);
    const existing = contracts.byProduct.get(s.product)!.filter((v) => v.publishedAt <= createdAt);
    if (!resolvePin(pinRange, existing.map((v) => ({ ...v, status: "PUBLISHED" as const })))) {
      throw new Error(`Seed: subscription ${s.consumerTeam} -> ${s.product} ${pinRange} predates every version in its range`);
    }
    const decided = s.status === "REJECTED" || (s.status === "ACTIVE" && product.requiresApproval);
    if (s.status === "PENDING" && !product.requiresApproval) throw new Error(`Seed: pending subscription to ${s.product}, which needs no approval`);
    return {
      id: newId(),
      productId: product.id,
      consumerTeamId: catalog.teamId(s.consumerTeam),
      consumingProductId: s.consumingProduct ? catalog.product(s.consumingProduct).id : null,
      pinRange,
      purpose: s.purpose,
      status,
      resolvedVersionId: status === "REJECTED" ? null : (resolved?.id ?? null),
      decisionReason: decided ? (s.decisionReason ?? null) : null,
      decidedById: decided ? catalog.ownerOf(ownerTeam(s.product)) : null,
      decidedAt: decided ? new Date(createdAt.getTime() + DAY / 2) : null,
      createdById: s.consumerTeam === "marketing" ? catalog.userId("consumer@tessera.demo") : catalog.ownerOf(s.consumerTeam),
      createdAt,
      updatedAt: status === "BROKEN" ? notices.find((n) => n.productId === product.id && n.status === "COMPLETED")?.sunsetAt ?? createdAt : createdAt,
    };
  });

  // Every active subscription resolving into a deprecated range keeps the minimum notice window.
  for (const [i, n] of NOTICES.entries()) {
    const notice = notices[i]!;
    const days = (notice.sunsetAt.getTime() - notice.announcedAt.getTime()) / DAY;
    const affected = subscriptions.filter((s) => {
      if (s.productId !== notice.productId || s.status !== "ACTIVE" || !s.resolvedVersionId) return false;
      const v = contracts.byProduct.get(n.product)!.find((x) => x.id === s.resolvedVersionId)!;
      return deprecationCovers({ targetRange: notice.targetRange, sunsetAt: notice.sunsetAt }, v.version);
    });
    if (affected.length > 0 && days < MIN_DEPRECATION_DAYS) throw new Error(`Seed: notice on ${n.product} gives ${days} days, below ${MIN_DEPRECATION_DAYS}`);
  }

  const dependencies: Prisma.DependencyCreateManyInput[] = [];
  const ref = (id: string) => {
    const p = productById.get(id)!;
    return { domain: p.def.domain, topic: p.topic, tier: p.tier };
  };
  for (const e of EDGES) {
    const down = catalog.product(e.downstream);
    const isSource = e.upstream.startsWith("source:");
    // Observed edges (and their flags) come from the lineage seed, through the ingestion service.
    if (!isSource) {
      const check = checkTierDependency(ref(down.id), ref(catalog.product(e.upstream).id));
      if (!check.ok) throw new Error(`Seed: declared edge breaks a tier rule: ${check.message}`);
    }
    dependencies.push({
      id: newId(),
      downstreamId: down.id,
      upstreamProductId: isSource ? null : catalog.product(e.upstream).id,
      upstreamSourceId: isSource ? catalog.sourceId(e.upstream.slice("source:".length)) : null,
      kind: e.kind,
      origin: "DECLARED",
      description: e.description,
      violation: null,
      lastObservedAt: null,
      createdAt: clock.daysAgo(300),
    });
  }
  for (const [i, s] of subscriptions.entries()) {
    const def = SUBSCRIPTIONS[i]!;
    if (!s.consumingProductId || (s.status !== "ACTIVE" && s.status !== "BROKEN")) continue;
    const check = checkTierDependency(ref(s.consumingProductId), ref(s.productId));
    if (!check.ok) throw new Error(`Seed: subscription edge breaks a tier rule: ${check.message}`);
    if (!def.kind) throw new Error(`Seed: subscription of ${def.consumingProduct} to ${def.product} needs a dependency kind`);
    dependencies.push({
      id: newId(),
      downstreamId: s.consumingProductId,
      upstreamProductId: s.productId,
      kind: def.kind,
      origin: "SUBSCRIPTION",
      subscriptionId: s.id,
      description: s.purpose,
      createdAt: s.createdAt,
    });
  }

  const activeSubscribers = new Map<string, number>();
  for (const s of subscriptions.filter((x) => x.status === "ACTIVE")) {
    activeSubscribers.set(s.productId, (activeSubscribers.get(s.productId) ?? 0) + 1);
  }
  return { notices, acks, subscriptions, dependencies, activeSubscribers };
}
