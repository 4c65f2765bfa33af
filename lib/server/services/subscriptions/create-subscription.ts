import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { notifyTeams } from "../../notify";
import { ConflictError, NotFoundError, PolicyViolation, ValidationError, type Violation } from "../../errors";
import { checkTierDependency } from "@/lib/domain/governance/tier-rules";
import { cycleIfAdded } from "@/lib/domain/topology/cycles";
import { defaultPin } from "@/lib/domain/versions/pin";
import { getPlatformSettings } from "../settings/get-platform-settings";
import { ZCreateSubscription } from "./schemas";
import { OPEN_STATUSES, parsePinOrThrow, recountSubscribers, resolveOrRefuse } from "./shared";

const productRef = { id: true, key: true, teamId: true, topic: true, tier: true, lifecycleStatus: true, requiresApproval: true, domain: { select: { slug: true, teamId: true } } } as const;

/**
 * Subscribes a team (optionally on behalf of one of its products) to a product through a pin.
 * Needs approval when the product requires it, except inside the owner team.
 */
export async function createSubscription({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZCreateSubscription.safeParse(input);
  if (!parsed.success) throw new ValidationError("The subscription is not valid.", parsed.error.issues);
  const data = parsed.data;
  const db = getDb();
  const team = await db.team.findUnique({ where: { slug: data.consumerTeam }, select: { id: true, name: true } });
  if (!team) throw new NotFoundError(`Team "${data.consumerTeam}"`);
  requirePermission(ctx, "subscription.manage", { teamId: team.id });

  return db.$transaction(async (tx) => {
    const product = await tx.dataProduct.findUnique({ where: { key: data.productKey }, select: { ...productRef, currentVersion: { select: { version: true } } } });
    if (!product) throw new NotFoundError(`Data product "${data.productKey}"`);
    const violations: Violation[] = [];
    if (product.lifecycleStatus === "RETIRED") violations.push({ rule: "subscription.product-retired", message: `${product.key} is retired: nothing can subscribe to it any more.` });

    let consuming: { id: string; key: string } | null = null;
    if (data.consumingProductKey) {
      const c = await tx.dataProduct.findFirst({ where: { key: data.consumingProductKey, teamId: team.id }, select: productRef });
      if (!c) throw new ValidationError(`${data.consumingProductKey} is not a product of ${team.name}.`, [{ path: ["consumingProductKey"], message: "Choose a product your team owns" }]);
      consuming = c;
      const settings = await getPlatformSettings(tx);
      const tier = checkTierDependency({ domain: c.domain.slug, topic: c.topic, tier: c.tier }, { domain: product.domain.slug, topic: product.topic, tier: product.tier }, settings.tierRules);
      if (!tier.ok) violations.push({ rule: tier.rule, message: tier.message, path: "consumingProductKey" });
      const edges = await tx.dependency.findMany({ where: { upstreamProductId: { not: null } }, select: { downstreamId: true, upstreamProductId: true } });
      const cycle = cycleIfAdded(edges.map((e) => ({ downstream: e.downstreamId, upstream: e.upstreamProductId! })), c.id, product.id);
      if (cycle) violations.push({ rule: "topology.no-cycles", message: `${c.key} cannot read ${product.key}: ${product.key} already depends on ${c.key}, which would make a cycle.`, path: "consumingProductKey" });
    }
    if (violations.length) throw new PolicyViolation(violations);

    const pin = parsePinOrThrow(data.pinRange ?? (product.currentVersion ? defaultPin(product.currentVersion.version) : ""));
    const resolved = await resolveOrRefuse(tx, product, pin);
    const duplicate = await tx.subscription.findFirst({
      where: { productId: product.id, consumerTeamId: team.id, consumingProductId: consuming?.id ?? null, status: { in: [...OPEN_STATUSES] } },
      select: { id: true, status: true },
    });
    if (duplicate) throw new ConflictError(`${team.name} already subscribes to ${product.key}${consuming ? ` for ${consuming.key}` : ""} (${duplicate.status.toLowerCase()}). Move its pin instead.`, { subscriptionId: duplicate.id });

    const status = product.requiresApproval && product.teamId !== team.id ? "PENDING" : "ACTIVE";
    const sub = await tx.subscription.create({
      data: {
        productId: product.id,
        consumerTeamId: team.id,
        consumingProductId: consuming?.id,
        pinRange: pin,
        purpose: data.purpose,
        dependencyKind: data.dependencyKind,
        status,
        resolvedVersionId: resolved.id,
        createdById: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        ...(status === "ACTIVE" ? { decidedAt: ctx.now, decisionReason: "approval not required" } : {}),
      },
      select: { id: true, status: true, pinRange: true, purpose: true, createdAt: true },
    });
    if (consuming && status === "ACTIVE") {
      await tx.dependency.create({ data: { downstreamId: consuming.id, upstreamProductId: product.id, kind: data.dependencyKind, origin: "SUBSCRIPTION", subscriptionId: sub.id } });
    }
    await recountSubscribers(tx, product.id);
    await notifyTeams(tx, [product.teamId], {
      kind: status === "PENDING" ? "subscription.requested" : "subscription.created",
      title: status === "PENDING" ? `${team.name} asks to subscribe to ${product.key}` : `${team.name} subscribed to ${product.key}`,
      body: `Pin ${pin}. Purpose: ${data.purpose}`,
      link: `/products/${product.key}/subscribers`,
      dedupeKey: `subscription.created:${sub.id}`,
    });
    const after = { ...sub, productKey: product.key, consumerTeam: data.consumerTeam, consumingProductKey: consuming?.key ?? null, resolvedVersion: resolved.version };
    await writeAudit(tx, ctx, { action: "subscription.create", entityType: "Subscription", entityId: sub.id, teamId: team.id, productId: product.id, after });
    const outsideInterface = product.tier !== "GOLD" && product.domain.teamId !== team.id;
    return { ...after, outsideInterface };
  });
}
