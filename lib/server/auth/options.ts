import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret, oidcConfig, useSecureCookies } from "../env";
import { RateLimitedError } from "../errors";
import { signInWithPassword } from "../services/auth/sign-in-with-password";
import { signInWithOidc } from "../services/auth/sign-in-with-oidc";
import { revokeSession } from "../services/auth/revoke-session";
import { SESSION_MAX_AGE_SECONDS } from "../services/auth/session-settings";

export const OIDC_PROVIDER_ID = "oidc";

type OidcClaims = { sub: string; email?: string; email_verified?: boolean; name?: string; preferred_username?: string };

/** The generic OpenID Connect provider (Keycloak, Okta, Entra ID...), when OIDC_* is configured. */
function oidcProvider(): OAuthConfig<OidcClaims> | null {
  const c = oidcConfig();
  if (!c) return null;
  return {
    id: OIDC_PROVIDER_ID,
    name: c.name,
    type: "oauth",
    wellKnown: `${c.issuer}/.well-known/openid-configuration`,
    authorization: { params: { scope: "openid email profile" } },
    clientId: c.clientId,
    clientSecret: c.clientSecret,
    idToken: true,
    checks: ["pkce", "state"],
    profile: (p) => ({ id: p.sub, email: p.email ?? null, name: p.name ?? p.preferred_username ?? null }),
  };
}

/** A failed sign-in comes back to /signin?error=<code>; the page turns the code into a sentence. */
const refusal = (code: string) => `/signin?error=${encodeURIComponent(code)}`;

/**
 * next-auth signs a cookie that carries only our server-side session id (`sid`); every request
 * re-checks that session in the database, so sign-out and disabling a user take effect at once.
 */
export function authOptions(): NextAuthOptions {
  const oidc = oidcProvider();
  return {
    secret: authSecret(),
    useSecureCookies: useSecureCookies(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
          try {
            const r = await signInWithPassword(credentials, {
              userAgent: headers["user-agent"],
              ip: headers["x-forwarded-for"]?.split(",")[0]?.trim() || headers["x-real-ip"],
            });
            return r ? { id: r.userId, email: r.email, name: r.name, sid: r.sessionId } : null;
          } catch (e) {
            // next-auth passes the message on as ?error=RateLimited for the form to explain.
            if (e instanceof RateLimitedError) throw new Error("RateLimited");
            throw e;
          }
        },
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const claims = (profile ?? {}) as OidcClaims;
        const r = await signInWithOidc({
          provider: OIDC_PROVIDER_ID,
          sub: account.providerAccountId,
          email: claims.email,
          emailVerified: claims.email_verified,
          name: claims.name ?? claims.preferred_username,
        });
        if (!r.ok) return refusal(r.reason === "disabled" ? "AccountDisabled" : r.reason === "email_unverified" ? "EmailUnverified" : "SsoProfile");
        // Without an adapter next-auth hands this same object to the jwt callback below.
        Object.assign(user, { id: r.userId, email: r.email, name: r.name, sid: r.sessionId });
        return true;
      },
      async jwt({ token, user }) {
        if (user && "sid" in user) token.sid = (user as { sid: string }).sid;
        return token;
      },
      async session({ session, token }) {
        return { ...session, sid: token.sid as string | undefined };
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await revokeSession(token.sid as string);
      },
    },
  };
}

/** For the sign-in page: the SSO button's label, when SSO is configured. */
export function ssoProvider(): { id: string; name: string } | null {
  const c = oidcConfig();
  return c ? { id: OIDC_PROVIDER_ID, name: c.name } : null;
}
