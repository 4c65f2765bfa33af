import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { NotFoundError, ValidationError } from "../../errors";
import { issuesOf } from "./ingest-core";
import { ZReopenViolation } from "./schemas";

/**
 * A platform admin takes a waiver back (given by mistake, or its reason no longer holds): the
 * flag is open again and counts in the report. The waiver it replaces, and the optional reason
 * for reopening, stay in the audit trail.
 */
export async function reopenViolation({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZReopenViolation.safeParse(input);
  if (!parsed.success) throw new ValidationError("The request to reopen is not valid.", issuesOf(parsed.error));
  requirePermission(ctx, "governance.manage");
  const { dependencyId, reason } = parsed.data;
  return getDb().$transaction(async (tx) => {
    const before = await tx.dependency.findFirst({
      where: { id: dependencyId, origin: "OBSERVED", violation: { not: null }, waivedAt: { not: null } },
      select: { id: true, violation: true, waivedAt: true, waivedBy: true, waiverReason: true, downstream: { select: { id: true, key: true, teamId: true } }, upstreamProduct: { select: { key: true } } },
    });
    if (!before) throw new NotFoundError(`Waived flag on observed dependency "${dependencyId}"`);
    const reopened = await tx.dependency.update({
      where: { id: before.id },
      data: { waivedAt: null, waivedBy: null, waiverReason: null },
      select: { id: true, violation: true },
    });
    await writeAudit(tx, ctx, {
      action: "governance.reopen",
      entityType: "Dependency",
      entityId: before.id,
      teamId: before.downstream.teamId,
      productId: before.downstream.id,
      before: { waivedAt: before.waivedAt, waivedBy: before.waivedBy, waiverReason: before.waiverReason },
      after: { ...reopened, reason: reason || null, downstream: before.downstream.key, upstream: before.upstreamProduct?.key },
    });
    return { ...reopened, waived: false as const };
  });
}
