import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { NotFoundError, ValidationError } from "../../errors";
import { ZGrantAdmin } from "./schemas";

/** Makes a user a platform admin (CLI `admin grant`, or an existing admin). Idempotent. */
export async function grantAdmin({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZGrantAdmin.safeParse(input);
  if (!parsed.success) throw new ValidationError("The admin grant is not valid.", parsed.error.issues);
  requirePermission(ctx, "user.manage");
  const { email, createIfMissing, name } = parsed.data;
  return getDb().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, isPlatformAdmin: true } });
    if (!before && !createIfMissing) throw new NotFoundError(`User "${email}"`);
    if (before?.isPlatformAdmin) return { userId: before.id, email, created: false, changed: false };
    const after = before
      ? await tx.user.update({ where: { id: before.id }, data: { isPlatformAdmin: true }, select: { id: true, email: true, isPlatformAdmin: true } })
      : await tx.user.create({ data: { email, name: name ?? email.split("@")[0], isPlatformAdmin: true }, select: { id: true, email: true, isPlatformAdmin: true } });
    await writeAudit(tx, ctx, { action: "user.grant-admin", entityType: "User", entityId: after.id, before, after });
    return { userId: after.id, email, created: !before, changed: true };
  });
}
