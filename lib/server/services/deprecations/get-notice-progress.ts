import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { can } from "../../auth/guard";
import { ForbiddenError, UnauthenticatedError } from "../../errors";
import { daysLeft } from "@/lib/domain/deprecations/sunset-rule";
import { loadNotice } from "./load-notice";
import { affectedSubscriptions } from "./shared";

/**
 * Migration progress of a notice for its owners: every consumer team that was on the range (still
 * resolving into it, or having acknowledged), whether it has migrated, and the days to the sunset.
 */
export async function getNoticeProgress(ctx: Ctx, noticeId: string) {
  const db = getDb();
  const n = await loadNotice(db, noticeId);
  if (ctx.actor.kind === "anonymous") throw new UnauthenticatedError();
  if (!can(ctx, "deprecation.publish", { teamId: n.product.teamId })) throw new ForbiddenError("Only the product's owners see migration progress.");
  const [onRange, acks] = await Promise.all([
    affectedSubscriptions(db, n.productId, n.targetRange, n.id),
    db.deprecationAck.findMany({ where: { noticeId }, select: { state: true, updatedAt: true, team: { select: { id: true, slug: true, name: true } } } }),
  ]);
  const teams = new Map<string, { slug: string; name: string; ack: "SEEN" | "MIGRATED" | null; onRange: boolean; subscriptions: { pinRange: string; version: string | null; status: string }[] }>();
  for (const s of onRange) {
    const t = teams.get(s.consumerTeamId) ?? { slug: s.team.slug, name: s.team.name, ack: s.ack, onRange: true, subscriptions: [] };
    t.subscriptions.push({ pinRange: s.pinRange, version: s.version, status: s.status });
    teams.set(s.consumerTeamId, t);
  }
  for (const a of acks) if (!teams.has(a.team.id)) teams.set(a.team.id, { slug: a.team.slug, name: a.team.name, ack: a.state, onRange: false, subscriptions: [] });
  const list = [...teams.values()].map((t) => ({ ...t, migrated: !t.onRange })).sort((a, b) => Number(a.migrated) - Number(b.migrated) || a.name.localeCompare(b.name));
  return { notice: n, total: list.length, migrated: list.filter((t) => t.migrated).length, daysLeft: daysLeft(n.sunsetAt, ctx.now), teams: list };
}
