import "server-only";
import { getDb } from "../../db/client";
import type { Actor } from "../../auth/context";
import type { TeamRole } from "../../auth/permissions";

type UserActor = Extract<Actor, { kind: "user" }>;

type Row = {
  id: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  memberships: UserActor["memberships"];
  unread: number | null;
};

/**
 * The session, its user, the user's teams and (for pages) the unread-notification count, in ONE
 * statement: this runs on every request, so it is one round trip instead of one per relation.
 * Null when the session ended or was revoked, or the user is disabled.
 */
export async function loadSession(sessionId: string, opts: { now?: Date; unread?: boolean } = {}): Promise<{ actor: UserActor; unreadCount: number } | null> {
  const now = opts.now ?? new Date();
  const unread = opts.unread ?? false;
  const rows = await getDb().$queryRaw<Row[]>`
    SELECT u.id, u.email, u.name, u."isPlatformAdmin",
           coalesce((SELECT json_agg(json_build_object('teamId', t.id, 'teamSlug', t.slug, 'teamName', t.name, 'role', m.role) ORDER BY t.name, t.id)
                       FROM "Membership" m JOIN "Team" t ON t.id = m."teamId" WHERE m."userId" = u.id), '[]'::json) AS memberships,
           CASE WHEN ${unread} THEN (SELECT count(*)::int FROM "Notification" n WHERE n."userId" = u.id AND n."readAt" IS NULL) END AS unread
      FROM "UserSession" s JOIN "User" u ON u.id = s."userId"
     WHERE s.id = ${sessionId} AND s."revokedAt" IS NULL AND s."expiresAt" > ${now} AND u."disabledAt" IS NULL`;
  const u = rows[0];
  if (!u) return null;
  return {
    actor: {
      kind: "user",
      userId: u.id,
      email: u.email,
      name: u.name,
      isPlatformAdmin: u.isPlatformAdmin,
      memberships: u.memberships.map((m) => ({ teamId: m.teamId, teamSlug: m.teamSlug, teamName: m.teamName, role: m.role as TeamRole })),
    },
    unreadCount: u.unread ?? 0,
  };
}

/** Resolves a session id to the acting user, or null when the session ended or the user is disabled. */
export async function loadSessionActor(sessionId: string, now = new Date()): Promise<UserActor | null> {
  return (await loadSession(sessionId, { now }))?.actor ?? null;
}
