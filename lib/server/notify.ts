import "server-only";
import type { Tx } from "./db/client";

export interface NotificationInput {
  kind: string;
  title: string;
  body?: string;
  link?: string;
  /** Makes the notification happen once per user, e.g. "subscription.requested:<id>". */
  dedupeKey: string;
}

/** Notifies every member of the teams, inside the caller's transaction; repeats are ignored. */
export async function notifyTeams(tx: Tx, teamIds: string[], n: NotificationInput): Promise<number> {
  if (teamIds.length === 0) return 0;
  const members = await tx.membership.findMany({ where: { teamId: { in: teamIds }, user: { disabledAt: null } }, select: { userId: true }, distinct: ["userId"] });
  const r = await tx.notification.createMany({
    data: members.map((m) => ({ userId: m.userId, kind: n.kind, title: n.title, body: n.body ?? "", link: n.link, dedupeKey: n.dedupeKey })),
    skipDuplicates: true,
  });
  return r.count;
}
