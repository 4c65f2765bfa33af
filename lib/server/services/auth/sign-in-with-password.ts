import "server-only";
import { z } from "zod";
import { getDb } from "../../db/client";
import { verifyPassword } from "../../auth/password";
import { SESSION_MAX_AGE_SECONDS } from "./session-settings";

export const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

// A fixed hash to verify against when the email is unknown, so timing does not reveal accounts.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$cR9V6vnWdyyz1q91yg3u3g$ydxQOR1lBgpCAptThypeHb8ym60M1a5ukD3GSQZ1eUk";

/** Checks email + password and opens a server-side session. Returns null on any failure. */
export async function signInWithPassword(
  raw: unknown,
  meta: { userAgent?: string; ip?: string } = {},
): Promise<{ userId: string; sessionId: string; email: string; name: string } | null> {
  const parsed = ZCredentials.safeParse(raw);
  if (!parsed.success) return null;
  const db = getDb();
  const user = await db.user.findUnique({ where: { email: parsed.data.email } });
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, parsed.data.password);
  if (!user || !user.passwordHash || !ok || user.disabledAt) return null;
  const session = await db.userSession.create({
    data: {
      userId: user.id,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
      userAgent: meta.userAgent?.slice(0, 300),
      ip: meta.ip?.slice(0, 64),
    },
  });
  return { userId: user.id, sessionId: session.id, email: user.email, name: user.name };
}
