import "server-only";
import { getDb } from "../../db/client";
import type { Actor } from "../../auth/context";
import { hashToken } from "./token-secret";

const LAST_USED_RESOLUTION_MS = 60_000;
/**
 * How long this process trusts a token it has looked up. A revocation made through this process
 * takes effect at once (forgetToken); one made through another instance is seen here within this
 * bound. Expiry is checked on every request.
 */
export const TOKEN_CACHE_TTL_MS = 5_000;
const CACHE_MAX = 10_000;

type TokenActor = Extract<Actor, { kind: "token" }>;
type Entry = { actor: TokenActor; expiresAt: Date | null; lastUsedAt: Date | null; checkedAt: number };
const holder = globalThis as unknown as { __tesseraTokenCache?: Map<string, Entry> };
const cache = (holder.__tesseraTokenCache ??= new Map());

/** Resolves a bearer token to its team actor; null when unknown, revoked or expired. */
export async function authenticateToken(token: string, now = new Date()): Promise<TokenActor | null> {
  if (!/^tsr_[0-9a-f]{8}_[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const hash = hashToken(token);
  let entry = cache.get(hash);
  if (!entry || Date.now() - entry.checkedAt > TOKEN_CACHE_TTL_MS) {
    const t = await getDb().apiToken.findUnique({
      where: { tokenHash: hash },
      select: { id: true, name: true, teamId: true, scopes: true, expiresAt: true, revokedAt: true, lastUsedAt: true, team: { select: { slug: true } } },
    });
    cache.delete(hash);
    if (!t || t.revokedAt) return null; // unknown tokens are never cached
    entry = { actor: { kind: "token", tokenId: t.id, teamId: t.teamId, scopes: t.scopes, label: `token ${t.name} (${t.team.slug})` }, expiresAt: t.expiresAt, lastUsedAt: t.lastUsedAt, checkedAt: Date.now() };
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(hash, entry);
  }
  if (entry.expiresAt && entry.expiresAt <= now) return null;
  // Last-used time at minute resolution: one small write per token per minute, not per request.
  if (!entry.lastUsedAt || now.getTime() - entry.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    entry.lastUsedAt = now;
    await getDb().apiToken.update({ where: { id: entry.actor.tokenId }, data: { lastUsedAt: now } });
  }
  return { ...entry.actor, scopes: [...entry.actor.scopes] };
}

/** Drops a token from this process's cache (called when it is revoked). */
export function forgetToken(tokenId: string): void {
  for (const [hash, e] of cache) if (e.actor.tokenId === tokenId) cache.delete(hash);
}
