import "server-only";
import { z } from "zod";
import { getDb } from "../../db/client";
import { verifyPassword } from "../../auth/password";
import { env } from "../../env";
import { RateLimitedError } from "../../errors";
import { hitRateLimit, peekRateLimit, resetRateLimit } from "../system/rate-limit";
import { promoteConfiguredAdmin } from "../users/promote-configured-admin";
import { SESSION_MAX_AGE_SECONDS } from "./session-settings";

export const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

// A fixed hash to verify against when the email is unknown, so timing does not reveal accounts.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$cR9V6vnWdyyz1q91yg3u3g$ydxQOR1lBgpCAptThypeHb8ym60M1a5ukD3GSQZ1eUk";
const WINDOW_MS = 15 * 60_000;

/**
 * Checks email + password and opens a server-side session. Returns null on any failure; throws
 * RateLimitedError when the email (or the client address) failed too often in 15 minutes.
 */
export async function signInWithPassword(
  raw: unknown,
  meta: { userAgent?: string; ip?: string } = {},
): Promise<{ userId: string; sessionId: string; email: string; name: string } | null> {
  const parsed = ZCredentials.safeParse(raw);
  if (!parsed.success) return null;
  // Failed attempts are counted, per email and per client address (an office behind one NAT
  // address signing in every morning is not an attack); over the limit even the right password waits.
  const limit = env().TESSERA_SIGNIN_RATE_LIMIT;
  const buckets = [{ key: `signin:email:${parsed.data.email}`, limit }, ...(meta.ip ? [{ key: `signin:ip:${meta.ip.slice(0, 64)}`, limit: limit * 5 }] : [])];
  for (const b of buckets) {
    const seen = await peekRateLimit(b.key, WINDOW_MS);
    if (seen.count >= b.limit) throw new RateLimitedError(seen.retryAfter, "Too many sign-in attempts. Wait a few minutes and try again.");
  }
  const db = getDb();
  const user = await db.user.findUnique({ where: { email: parsed.data.email } });
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, parsed.data.password);
  if (!user || !user.passwordHash || !ok || user.disabledAt) {
    for (const b of buckets) await hitRateLimit(b.key, b.limit, WINDOW_MS);
    return null;
  }
  await resetRateLimit(buckets[0].key);
  const session = await db.$transaction(async (tx) => {
    await promoteConfiguredAdmin(tx, user);
    return tx.userSession.create({
      data: {
        userId: user.id,
        expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
        userAgent: meta.userAgent?.slice(0, 300),
        ip: meta.ip?.slice(0, 64),
      },
    });
  });
  return { userId: user.id, sessionId: session.id, email: user.email, name: user.name };
}
