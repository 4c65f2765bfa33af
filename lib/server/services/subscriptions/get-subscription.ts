import "server-only";
import semver from "semver";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { can } from "../../auth/guard";
import { NotFoundError } from "../../errors";
import { subscriptionState } from "@/lib/domain/versions/subscription-state";
import { resolvePin } from "@/lib/domain/versions/resolve";

/** One subscription with its product's versions and notices; readable by both teams and admins. */
export async function getSubscription(ctx: Ctx, id: string) {
  const s = await getDb().subscription.findUnique({
    where: { id },
    select: {
      id: true,
      pinRange: true,
      purpose: true,
      status: true,
      dependencyKind: true,
      decisionReason: true,
      decidedAt: true,
      createdAt: true,
      consumerTeamId: true,
      consumerTeam: { select: { slug: true, name: true } },
      consumingProduct: { select: { key: true, name: true } },
      resolvedVersion: { select: { version: true } },
      product: {
        select: {
          key: true,
          name: true,
          tier: true,
          teamId: true,
          team: { select: { name: true } },
          versions: { select: { version: true, status: true, publishedAt: true, changeClass: true }, orderBy: [{ major: "desc" }, { minor: "desc" }, { patch: "desc" }] },
          notices: { where: { status: "ACTIVE" }, select: { id: true, targetRange: true, sunsetAt: true, status: true, reason: true, migrationNotes: true, replacementRange: true, replacementProduct: { select: { key: true } } } },
        },
      },
    },
  });
  // Not found and not allowed look the same: team-private data does not leak its existence.
  if (!s || !(can(ctx, "team.read", { teamId: s.consumerTeamId }) || can(ctx, "team.read", { teamId: s.product.teamId }))) throw new NotFoundError("Subscription");
  const st = subscriptionState({ range: s.pinRange, versions: s.product.versions, deprecations: s.product.notices, now: ctx.now });
  const resolved = resolvePin(s.pinRange, s.product.versions);
  const newer = s.product.versions.filter((v) => v.status !== "RETIRED" && (!resolved || semver.gt(v.version, resolved.version)));
  return {
    ...s,
    state: st.state,
    daysToSunset: st.state === "DEPRECATED" ? st.daysToSunset : null,
    resolved: resolved?.version ?? null,
    upgradeTargets: newer.map((v) => v.version),
    canManage: can(ctx, "subscription.manage", { teamId: s.consumerTeamId }),
    canDecide: can(ctx, "subscription.decide", { teamId: s.product.teamId }),
  };
}

export type SubscriptionDetail = Awaited<ReturnType<typeof getSubscription>>;
