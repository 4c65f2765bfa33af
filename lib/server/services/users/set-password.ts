import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { hashPassword } from "../../auth/password";
import { writeAudit } from "../../audit";
import { NotFoundError, ValidationError } from "../../errors";
import { ZSetPassword } from "./schemas";

/**
 * Sets a user's password (CLI `user create` / `user set-password`, for deployments without single
 * sign-on), optionally creating the user and making them a platform admin. Ends the user's
 * sessions: a new password signs everyone out. The audit row never holds the hash.
 */
export async function setPassword({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZSetPassword.safeParse(input);
  if (!parsed.success) throw new ValidationError("The password change is not valid.", parsed.error.issues);
  requirePermission(ctx, "user.manage");
  const { email, password, createIfMissing, name, admin } = parsed.data;
  const passwordHash = await hashPassword(password); // outside the transaction: ~30 ms of CPU
  const select = { id: true, email: true, name: true, isPlatformAdmin: true } as const;
  return getDb().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { email }, select });
    if (!before && !createIfMissing) throw new NotFoundError(`User "${email}"`);
    const after = before
      ? await tx.user.update({ where: { id: before.id }, data: { passwordHash, ...(admin ? { isPlatformAdmin: true } : {}) }, select })
      : await tx.user.create({ data: { email, name: name ?? email.split("@")[0], passwordHash, isPlatformAdmin: admin }, select });
    const ended = before ? (await tx.userSession.deleteMany({ where: { userId: before.id } })).count : 0;
    await writeAudit(tx, ctx, { action: before ? "user.set-password" : "user.create", entityType: "User", entityId: after.id, before, after: { ...after, sessionsEnded: ended } });
    return { userId: after.id, email, created: !before, admin: after.isPlatformAdmin, sessionsEnded: ended };
  });
}
