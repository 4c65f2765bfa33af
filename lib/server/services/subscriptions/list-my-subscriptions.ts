import "server-only";
import semver from "semver";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { subscriptionState } from "@/lib/domain/versions/subscription-state";
import { byUrgency } from "@/lib/domain/subscriptions/urgency";
import { OPEN_STATUSES } from "./shared";

/**
 * The subscriptions of the teams the actor belongs to (team-private: scoped by membership; a
 * token sees its own team's), each with its state, sorted by urgency.
 */
export async function listMySubscriptions(ctx: Ctx, opts: { teamSlug?: string } = {}) {
  const a = ctx.actor;
  const teamIds = a.kind === "user" ? a.memberships.map((m) => m.teamId) : a.kind === "token" ? [a.teamId] : [];
  if (teamIds.length === 0) return [];
  const rows = await getDb().subscription.findMany({
    where: { consumerTeamId: { in: teamIds }, status: { in: [...OPEN_STATUSES] }, ...(opts.teamSlug ? { consumerTeam: { slug: opts.teamSlug } } : {}) },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      pinRange: true,
      purpose: true,
      status: true,
      createdAt: true,
      consumerTeam: { select: { slug: true, name: true } },
      consumingProduct: { select: { key: true } },
      resolvedVersion: { select: { version: true, status: true } },
      product: {
        select: {
          key: true,
          name: true,
          tier: true,
          versions: { select: { version: true, status: true } },
          notices: { where: { status: "ACTIVE" }, select: { id: true, targetRange: true, sunsetAt: true, status: true, replacementRange: true, replacementProduct: { select: { key: true } } } },
        },
      },
    },
  });
  const items = rows.map(({ product, ...s }) => {
    const st = subscriptionState({ range: s.pinRange, versions: product.versions, deprecations: product.notices, now: ctx.now });
    const newestOverall = product.versions.filter((v) => v.status !== "RETIRED").map((v) => v.version).sort(semver.rcompare)[0] ?? null;
    return {
      ...s,
      product: { key: product.key, name: product.name, tier: product.tier },
      state: st.state,
      resolved: st.resolved?.version ?? null,
      newestInRange: st.resolved?.version ?? null,
      newestOverall,
      daysToSunset: st.state === "DEPRECATED" ? st.daysToSunset : null,
      sunsetAt: st.state === "DEPRECATED" ? st.sunsetAt : null,
      replacement: st.state === "DEPRECATED" ? { key: st.notice.replacementProduct?.key ?? product.key, range: st.notice.replacementRange } : null,
    };
  });
  return byUrgency(items);
}

export type MySubscription = Awaited<ReturnType<typeof listMySubscriptions>>[number];
