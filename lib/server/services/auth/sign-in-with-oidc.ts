import "server-only";
import { getDb } from "../../db/client";
import { makeCtx } from "../../auth/context";
import { writeAudit } from "../../audit";
import { promoteConfiguredAdmin } from "../users/promote-configured-admin";
import { ZOidcProfile } from "../users/schemas";
import { SESSION_MAX_AGE_SECONDS } from "./session-settings";

export type OidcSignInResult =
  | { ok: true; userId: string; sessionId: string; email: string; name: string; created: boolean }
  | { ok: false; reason: "invalid_profile" | "email_unverified" | "disabled" };

/**
 * Signs in an identity from the OpenID Connect provider: the account (provider + sub) is linked to
 * a user (found by that link, else by email, else created), then a server-side session is opened.
 * Linking by email trusts the configured provider for emails, unless it says email_verified=false.
 */
export async function signInWithOidc(raw: unknown, meta: { userAgent?: string; ip?: string; requestId?: string } = {}): Promise<OidcSignInResult> {
  const parsed = ZOidcProfile.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid_profile" };
  const p = parsed.data;
  if (p.emailVerified === false) return { ok: false, reason: "email_unverified" };
  const ctx = makeCtx({ kind: "system", label: `sso ${p.provider}` }, { requestId: meta.requestId });
  return getDb().$transaction(async (tx) => {
    const linked = await tx.authAccount.findUnique({ where: { provider_providerAccountId: { provider: p.provider, providerAccountId: p.sub } }, select: { user: true } });
    let user = linked?.user ?? (await tx.user.findUnique({ where: { email: p.email } }));
    let created = false;
    if (!user) {
      user = await tx.user.create({ data: { email: p.email, name: p.name || p.email.split("@")[0] } });
      created = true;
      await writeAudit(tx, ctx, { action: "user.create", entityType: "User", entityId: user.id, after: { email: user.email, name: user.name, via: p.provider } });
    }
    if (user.disabledAt) return { ok: false as const, reason: "disabled" as const };
    if (!linked) {
      const account = await tx.authAccount.create({ data: { userId: user.id, provider: p.provider, providerAccountId: p.sub } });
      await writeAudit(tx, ctx, { action: "user.link-account", entityType: "AuthAccount", entityId: account.id, after: { userId: user.id, email: user.email, provider: p.provider, subject: p.sub } });
    }
    await promoteConfiguredAdmin(tx, user, meta.requestId);
    const session = await tx.userSession.create({
      data: { userId: user.id, expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000), userAgent: meta.userAgent?.slice(0, 300), ip: meta.ip?.slice(0, 64) },
    });
    return { ok: true as const, userId: user.id, sessionId: session.id, email: user.email, name: user.name, created };
  });
}
