import "server-only";
import { getDb } from "../../db/client";
import type { Actor } from "../../auth/context";

/** Resolves a session id to the acting user, or null when the session ended or the user is disabled. */
export async function loadSessionActor(sessionId: string, now = new Date()): Promise<Extract<Actor, { kind: "user" }> | null> {
  const s = await getDb().userSession.findFirst({
    where: { id: sessionId, revokedAt: null, expiresAt: { gt: now }, user: { disabledAt: null } },
    select: {
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          isPlatformAdmin: true,
          memberships: { select: { role: true, team: { select: { id: true, slug: true, name: true } } }, orderBy: { team: { name: "asc" } } },
        },
      },
    },
  });
  if (!s) return null;
  const u = s.user;
  return {
    kind: "user",
    userId: u.id,
    email: u.email,
    name: u.name,
    isPlatformAdmin: u.isPlatformAdmin,
    memberships: u.memberships.map((m) => ({ teamId: m.team.id, teamSlug: m.team.slug, teamName: m.team.name, role: m.role })),
  };
}
