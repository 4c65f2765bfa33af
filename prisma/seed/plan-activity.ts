// A plausible audit trail (who published, subscribed, announced what, and when) and a few
// notifications for the consumers a deprecation affects. Actor label "seed" marks demo rows.
import type { Prisma } from "../../lib/server/db/generated/client";
import { deprecationCovers } from "../../lib/domain/versions/subscription-state";
import { DEMO_ACCOUNTS } from "./accounts";
import type { Clock } from "./clock";
import type { CatalogPlan } from "./plan-catalog";
import type { ContractsPlan } from "./plan-contracts";
import type { RelationsPlan } from "./plan-relations";

export const SEED_ACTOR = "seed";

export function planActivity(clock: Clock, catalog: CatalogPlan, contracts: ContractsPlan, relations: RelationsPlan) {
  const audit: Prisma.AuditLogCreateManyInput[] = [];
  const productById = new Map(catalog.products.map((p) => [p.id, p]));
  const log = (e: Omit<Prisma.AuditLogCreateManyInput, "actorLabel">) => audit.push({ actorLabel: SEED_ACTOR, ...e });

  for (const p of catalog.products) {
    log({ actorUserId: null, action: "product.create", entityType: "DataProduct", entityId: p.id, teamId: p.teamId, productId: p.id, after: { key: p.key }, createdAt: p.createdAt });
    for (const v of contracts.byProduct.get(p.key)!) {
      log({
        actorUserId: contracts.versions.find((r) => r.id === v.id)!.publishedById ?? null,
        action: "contract.publish",
        entityType: "ContractVersion",
        entityId: v.id,
        teamId: p.teamId,
        productId: p.id,
        after: { version: v.version, changeClass: v.changeClass },
        createdAt: v.publishedAt,
      });
    }
  }
  for (const s of relations.subscriptions) {
    const product = productById.get(s.productId)!;
    log({ actorUserId: s.createdById ?? null, action: "subscription.create", entityType: "Subscription", entityId: s.id, teamId: s.consumerTeamId, productId: s.productId, after: { product: product.key, pinRange: s.pinRange }, createdAt: s.createdAt });
    if (s.decidedAt) {
      const action = s.status === "REJECTED" ? "subscription.reject" : "subscription.approve";
      log({ actorUserId: s.decidedById ?? null, action, entityType: "Subscription", entityId: s.id, teamId: product.teamId, productId: s.productId, after: { status: s.status, reason: s.decisionReason }, createdAt: s.decidedAt });
    }
  }
  for (const n of relations.notices) {
    const product = productById.get(n.productId)!;
    log({ actorUserId: n.createdById ?? null, action: "deprecation.publish", entityType: "DeprecationNotice", entityId: n.id, teamId: product.teamId, productId: n.productId, after: { targetRange: n.targetRange, sunsetAt: n.sunsetAt }, createdAt: n.announcedAt });
  }
  log({ actorUserId: null, action: "seed.demo-data", entityType: "Platform", entityId: "demo", after: { products: catalog.products.length }, createdAt: clock.now });

  // A running deprecation reaches every member of the teams whose subscription resolves into its range.
  const notifications: Prisma.NotificationCreateManyInput[] = [];
  const membersOf = (teamId: string) =>
    DEMO_ACCOUNTS.filter((a) => a.team && catalog.teamId(a.team) === teamId).map((a) => catalog.userId(a.email));
  for (const n of relations.notices.filter((x) => x.status === "ACTIVE")) {
    const product = productById.get(n.productId)!;
    const versions = contracts.byProduct.get(product.key)!;
    const affected = relations.subscriptions.filter((s) => {
      const v = versions.find((x) => x.id === s.resolvedVersionId);
      return s.productId === n.productId && s.status === "ACTIVE" && v && deprecationCovers({ targetRange: n.targetRange ?? null, sunsetAt: n.sunsetAt }, v.version);
    });
    const teams = new Set(affected.map((s) => s.consumerTeamId));
    for (const teamId of teams) {
      for (const userId of membersOf(teamId)) {
        notifications.push({
          userId,
          kind: "deprecation.announced",
          title: `${product.key} ${n.targetRange ?? "(whole product)"} retires on ${n.sunsetAt.toISOString().slice(0, 10)}`,
          body: n.reason,
          link: `/products/${product.key}`,
          dedupeKey: `deprecation-announced:${n.id}:${teamId}`,
          createdAt: n.announcedAt,
        });
      }
    }
  }
  for (const s of relations.subscriptions.filter((x) => x.status === "BROKEN")) {
    const product = productById.get(s.productId)!;
    for (const userId of membersOf(s.consumerTeamId)) {
      notifications.push({
        userId,
        kind: "subscription.broken",
        title: `Your subscription to ${product.key} (${s.pinRange}) is broken`,
        body: "Every version in the pinned range is retired. Move the pin to a published version.",
        link: `/products/${product.key}`,
        dedupeKey: `subscription-broken:${s.id}`,
        createdAt: s.updatedAt,
      });
    }
  }
  for (const s of relations.subscriptions.filter((x) => x.status === "PENDING")) {
    const product = productById.get(s.productId)!;
    for (const userId of membersOf(product.teamId)) {
      notifications.push({
        userId,
        kind: "subscription.requested",
        title: `Approval requested: ${product.key} (${s.pinRange})`,
        body: s.purpose,
        link: `/products/${product.key}`,
        dedupeKey: `subscription-requested:${s.id}`,
        createdAt: s.createdAt,
      });
    }
  }
  return { audit, notifications };
}
