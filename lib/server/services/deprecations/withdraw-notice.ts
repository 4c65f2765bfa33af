import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { ConflictError, ValidationError } from "../../errors";
import { ZWithdrawNotice } from "./schemas";
import { loadNotice } from "./load-notice";
import { syncDeprecatedVersions } from "./shared";

/** Withdraws an active notice: its versions go back to PUBLISHED unless another notice covers them. */
export async function withdrawNotice({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZWithdrawNotice.safeParse(input);
  if (!parsed.success) throw new ValidationError("The withdrawal is not valid.", parsed.error.issues);
  const db = getDb();
  const owner = await loadNotice(db, parsed.data.id);
  requirePermission(ctx, "deprecation.publish", { teamId: owner.product.teamId });
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`select id from "DeprecationNotice" where id = ${parsed.data.id} for update`;
    const n = await loadNotice(tx, parsed.data.id, owner.product.teamId);
    if (n.status !== "ACTIVE") throw new ConflictError(`This notice is already ${n.status.toLowerCase()}.`);
    const after = await tx.deprecationNotice.update({ where: { id: n.id }, data: { status: "WITHDRAWN", withdrawnAt: ctx.now }, select: { id: true, status: true, withdrawnAt: true } });
    await syncDeprecatedVersions(tx, n.productId, ctx.now);
    await writeAudit(tx, ctx, { action: "deprecation.withdraw", entityType: "DeprecationNotice", entityId: n.id, teamId: n.product.teamId, productId: n.productId, before: { status: n.status }, after: { ...after, reason: parsed.data.reason } });
    return after;
  });
}
