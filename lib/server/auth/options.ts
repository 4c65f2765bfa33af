import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "../env";
import { signInWithPassword } from "../services/auth/sign-in-with-password";
import { revokeSession } from "../services/auth/revoke-session";
import { SESSION_MAX_AGE_SECONDS } from "../services/auth/session-settings";

/**
 * next-auth signs a cookie that carries only our server-side session id (`sid`); every request
 * re-checks that session in the database, so sign-out and disabling a user take effect at once.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
          const r = await signInWithPassword(credentials, {
            userAgent: headers["user-agent"],
            ip: headers["x-forwarded-for"]?.split(",")[0]?.trim(),
          });
          return r ? { id: r.userId, email: r.email, name: r.name, sid: r.sessionId } : null;
        },
      }),
    ],
    callbacks: {
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
