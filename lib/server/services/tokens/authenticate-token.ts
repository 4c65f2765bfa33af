import "server-only";
import { getDb } from "../../db/client";
import type { Actor } from "../../auth/context";
import { hashToken } from "./token-secret";

const LAST_USED_RESOLUTION_MS = 60_000;

/** Resolves a bearer token to its team actor; null when unknown, revoked or expired. */
export async function authenticateToken(token: string, now = new Date()): Promise<Extract<Actor, { kind: "token" }> | null> {
  if (!/^tsr_[0-9a-f]{8}_[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const db = getDb();
  const t = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, name: true, teamId: true, scopes: true, expiresAt: true, revokedAt: true, lastUsedAt: true, team: { select: { slug: true } } },
  });
  if (!t || t.revokedAt || (t.expiresAt && t.expiresAt <= now)) return null;
  // Last-used time at minute resolution: one small write per token per minute, not per request.
  if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: t.id }, data: { lastUsedAt: now } });
  }
  return { kind: "token", tokenId: t.id, teamId: t.teamId, scopes: t.scopes, label: `token ${t.name} (${t.team.slug})` };
}
