import "server-only";
import { getDb } from "../../db/client";

/** Ends a session on the server (sign-out). Idempotent. */
export async function revokeSession(sessionId: string): Promise<void> {
  await getDb().userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}
