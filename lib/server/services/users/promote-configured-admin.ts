import "server-only";
import type { Tx } from "../../db/client";
import { makeCtx } from "../../auth/context";
import { writeAudit } from "../../audit";
import { env } from "../../env";

/**
 * Bootstrap: an email listed in TESSERA_ADMIN_EMAILS becomes a platform admin when it signs in.
 * Runs inside the sign-in transaction; the audit row names the configuration as the actor.
 */
export async function promoteConfiguredAdmin(tx: Tx, user: { id: string; email: string; isPlatformAdmin: boolean }, requestId?: string): Promise<void> {
  if (user.isPlatformAdmin || !env().TESSERA_ADMIN_EMAILS.includes(user.email.toLowerCase())) return;
  await tx.user.update({ where: { id: user.id }, data: { isPlatformAdmin: true } });
  const ctx = makeCtx({ kind: "system", label: "config TESSERA_ADMIN_EMAILS" }, { requestId });
  await writeAudit(tx, ctx, {
    action: "user.grant-admin",
    entityType: "User",
    entityId: user.id,
    before: { email: user.email, isPlatformAdmin: false },
    after: { email: user.email, isPlatformAdmin: true },
  });
}
