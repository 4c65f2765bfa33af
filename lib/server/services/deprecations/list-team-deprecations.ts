import "server-only";
import type { Ctx } from "../../auth/context";
import { getDb } from "../../db/client";
import { listMySubscriptions } from "../subscriptions/list-my-subscriptions";

/** "What of mine is going away": my teams' subscriptions on a deprecated range, soonest sunset first, with the ack state. */
export async function listTeamDeprecations(ctx: Ctx) {
  const subs = (await listMySubscriptions(ctx)).filter((s) => s.state === "DEPRECATED");
  if (subs.length === 0) return [];
  const products = await getDb().dataProduct.findMany({
    where: { key: { in: [...new Set(subs.map((s) => s.product.key))] } },
    select: { key: true, notices: { where: { status: "ACTIVE" }, select: { id: true, targetRange: true, sunsetAt: true, announcedAt: true, acknowledgements: { select: { teamId: true, team: { select: { slug: true } }, state: true } } } } },
  });
  const { deprecationCovers } = await import("@/lib/domain/versions/subscription-state");
  return subs
    .map((s) => {
      const notices = products.find((p) => p.key === s.product.key)?.notices ?? [];
      const notice = notices.filter((n) => s.resolved && deprecationCovers({ ...n, status: "ACTIVE" }, s.resolved)).sort((a, b) => a.sunsetAt.getTime() - b.sunsetAt.getTime())[0];
      const ack = notice?.acknowledgements.find((a) => a.team.slug === s.consumerTeam.slug)?.state ?? null;
      return { ...s, notice: notice ? { id: notice.id, targetRange: notice.targetRange, announcedAt: notice.announcedAt, sunsetAt: notice.sunsetAt } : null, ack };
    })
    .sort((a, b) => (a.sunsetAt?.getTime() ?? 0) - (b.sunsetAt?.getTime() ?? 0));
}
