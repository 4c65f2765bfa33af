import "server-only";
import { getDb } from "../../db/client";
import { actorLabel, type Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { NotFoundError, ValidationError } from "../../errors";
import { issuesOf } from "./ingest-core";
import { ZWaiveViolation } from "./schemas";

/**
 * A platform admin waives a governance flag on an observed dependency, with a reason. The flag
 * stays visible, marked waived; it reopens by itself if the edge later breaks other rules.
 */
export async function waiveViolation({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZWaiveViolation.safeParse(input);
  if (!parsed.success) throw new ValidationError("The waiver is not valid.", issuesOf(parsed.error));
  requirePermission(ctx, "governance.manage");
  const { dependencyId, reason } = parsed.data;
  return getDb().$transaction(async (tx) => {
    const before = await tx.dependency.findFirst({
      where: { id: dependencyId, origin: "OBSERVED", violation: { not: null } },
      select: { id: true, violation: true, waivedAt: true, waiverReason: true, downstream: { select: { id: true, key: true, teamId: true } }, upstreamProduct: { select: { key: true } } },
    });
    if (!before) throw new NotFoundError(`Flagged observed dependency "${dependencyId}"`);
    const waived = await tx.dependency.update({
      where: { id: before.id },
      data: { waivedAt: ctx.now, waivedBy: actorLabel(ctx.actor), waiverReason: reason },
      select: { id: true, violation: true, waivedAt: true, waivedBy: true, waiverReason: true },
    });
    await writeAudit(tx, ctx, {
      action: "governance.waive",
      entityType: "Dependency",
      entityId: before.id,
      teamId: before.downstream.teamId,
      productId: before.downstream.id,
      before: { violation: before.violation, waivedAt: before.waivedAt, waiverReason: before.waiverReason },
      after: { ...waived, downstream: before.downstream.key, upstream: before.upstreamProduct?.key },
    });
    return { ...waived, waivedAt: waived.waivedAt!.toISOString() };
  });
}
