import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { cookies } from "next/headers";
import { sessionIdFromToken, sessionToken } from "./session-cookie";
import { loadSession } from "../services/auth/load-session-actor";
import { makeCtx, type Actor, type Ctx } from "./context";
import { UnauthenticatedError } from "../errors";

export type UserActor = Extract<Actor, { kind: "user" }>;

/**
 * The signed-in user and their unread-notification count (for the header), looked up once per
 * request in one statement.
 */
const getCurrentSession = cache(async () => {
  await connection(); // per-request: never prerendered
  const jar = await cookies();
  const sid = await sessionIdFromToken(sessionToken((name) => jar.get(name)?.value));
  return sid ? loadSession(sid, { unread: true }) : null;
});

/** The signed-in user for this request, looked up once per request. */
export const getCurrentUser = cache(async (): Promise<UserActor | null> => (await getCurrentSession())?.actor ?? null);

/** The signed-in user's unread notifications (0 when signed out), read with the session. */
export async function getUnreadCount(): Promise<number> {
  return (await getCurrentSession())?.unreadCount ?? 0;
}

/** For pages: the user, or a redirect to sign-in. Every page that needs a user calls this. */
export async function requireUser(callbackPath?: string): Promise<UserActor> {
  const user = await getCurrentUser();
  if (!user) redirect(callbackPath ? `/signin?callbackUrl=${encodeURIComponent(callbackPath)}` : "/signin");
  return user;
}

/** A request context for a signed-in user, for server actions and pages that call services. */
export async function requireUserCtx(): Promise<Ctx> {
  return makeCtx(await requireUser());
}

/** For server actions: the signed-in user's context, or an UnauthenticatedError (no redirect). */
export async function actionCtx(): Promise<Ctx> {
  const user = await getCurrentUser();
  if (!user) throw new UnauthenticatedError("Your session ended. Sign in again.");
  return makeCtx(user);
}
