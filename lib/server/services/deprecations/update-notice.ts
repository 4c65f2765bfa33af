import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { ConflictError, PolicyViolation, ValidationError } from "../../errors";
import { checkSunsetChange } from "@/lib/domain/deprecations/sunset-rule";
import { getPlatformSettings } from "../settings/get-platform-settings";
import { ZUpdateNotice } from "./schemas";
import { loadNotice } from "./load-notice";
import { affectedSubscriptions } from "./shared";

/** Moves the sunset: later at any time; earlier only within the minimum window (or an admin override). */
export async function updateNotice({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZUpdateNotice.safeParse(input);
  if (!parsed.success) throw new ValidationError("The change is not valid.", parsed.error.issues);
  const { id, sunsetAt, overrideReason } = parsed.data;
  const db = getDb();
  const owner = await loadNotice(db, id);
  requirePermission(ctx, "deprecation.publish", { teamId: owner.product.teamId });
  if (overrideReason) requirePermission(ctx, "deprecation.override");
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`select id from "DeprecationNotice" where id = ${id} for update`;
    const n = await loadNotice(tx, id, owner.product.teamId);
    if (n.status !== "ACTIVE") throw new ConflictError(`This notice is ${n.status.toLowerCase()}: its sunset can no longer change.`);
    const affected = (await affectedSubscriptions(tx, n.productId, n.targetRange)).filter((s) => s.status === "ACTIVE");
    const settings = await getPlatformSettings(tx);
    const rule = checkSunsetChange({ announcedAt: n.announcedAt, currentSunset: n.sunsetAt, newSunset: sunsetAt, now: ctx.now, minDays: settings.deprecationMinDays, affectedSubscriptions: affected.length, overrideReason });
    if (!rule.ok) throw new PolicyViolation(rule.violations);
    const after = await tx.deprecationNotice.update({ where: { id }, data: { sunsetAt, ...(rule.overridden ? { overrideReason } : {}) }, select: { id: true, sunsetAt: true, overrideReason: true, status: true } });
    const action = sunsetAt > n.sunsetAt ? "deprecation.extend" : rule.overridden ? "deprecation.shorten-override" : "deprecation.shorten";
    await writeAudit(tx, ctx, { action, entityType: "DeprecationNotice", entityId: id, teamId: n.product.teamId, productId: n.productId, before: { sunsetAt: n.sunsetAt }, after });
    return after;
  });
}
