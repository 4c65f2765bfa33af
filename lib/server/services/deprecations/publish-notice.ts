import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { NotFoundError, PolicyViolation, ValidationError } from "../../errors";
import { checkSunset } from "@/lib/domain/deprecations/sunset-rule";
import { getPlatformSettings } from "../settings/get-platform-settings";
import { ZPublishNotice } from "./schemas";
import { affectedSubscriptions, covers, NOTICE_SELECT, syncDeprecatedVersions } from "./shared";
import { notifyStage } from "./notify-stage";

/**
 * An owner announces that a version range (or the whole product) is retired on a sunset date.
 * The versions become DEPRECATED now; affected consumer teams are notified now (the lifecycle job
 * would send the same, deduplicated, announcement otherwise).
 */
export async function publishNotice({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZPublishNotice.safeParse(input);
  if (!parsed.success) throw new ValidationError("The deprecation notice is not valid.", parsed.error.issues);
  const i = parsed.data;
  const db = getDb();
  const owner = await db.dataProduct.findUnique({ where: { key: i.productKey }, select: { teamId: true } });
  if (!owner) throw new NotFoundError(`Data product "${i.productKey}"`);
  requirePermission(ctx, "deprecation.publish", { teamId: owner.teamId });
  if (i.overrideReason) requirePermission(ctx, "deprecation.override");
  return db.$transaction(async (tx) => {
    const product = await tx.dataProduct.findFirst({ where: { key: i.productKey, teamId: owner.teamId }, select: { id: true, key: true, lifecycleStatus: true, versions: { select: { version: true, status: true } } } });
    if (!product) throw new NotFoundError(`Data product "${i.productKey}"`);
    const target = i.targetRange ?? null;
    const inRange = product.versions.filter((v) => v.status !== "RETIRED" && (target === null || covers({ targetRange: target }, v.version)));
    if (product.lifecycleStatus === "RETIRED" || inRange.length === 0) {
      throw new PolicyViolation([{ rule: "deprecation.target-has-versions", path: "targetRange", message: `No published, unretired version of ${product.key} falls in ${target ?? "the product"}.` }]);
    }
    const replacement = i.replacementProductKey ? await tx.dataProduct.findUnique({ where: { key: i.replacementProductKey }, select: { id: true } }) : null;
    if (i.replacementProductKey && !replacement) throw new ValidationError("The replacement product does not exist.", [{ path: ["replacementProductKey"], message: `No product "${i.replacementProductKey}"` }]);
    if (!i.replacementProductKey && i.replacementRange && target && i.replacementRange === target) {
      throw new ValidationError("The replacement is the range being retired.", [{ path: ["replacementRange"], message: "Name a range outside the one being retired" }]);
    }
    const affected = await affectedSubscriptions(tx, product.id, target);
    const active = affected.filter((s) => s.status === "ACTIVE");
    const settings = await getPlatformSettings(tx);
    const rule = checkSunset({ announcedAt: ctx.now, sunsetAt: i.sunsetAt, minDays: settings.deprecationMinDays, affectedSubscriptions: active.length, overrideReason: i.overrideReason });
    if (!rule.ok) throw new PolicyViolation(rule.violations);
    const notice = await tx.deprecationNotice.create({
      data: {
        productId: product.id,
        targetRange: target,
        reason: i.reason,
        announcedAt: ctx.now,
        sunsetAt: i.sunsetAt,
        replacementProductId: replacement?.id ?? null,
        replacementRange: i.replacementRange ?? null,
        migrationNotes: i.migrationNotes,
        overrideReason: rule.overridden ? i.overrideReason : null,
        createdById: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      },
      select: NOTICE_SELECT,
    });
    await syncDeprecatedVersions(tx, product.id, ctx.now);
    await notifyStage(tx, notice, "announced", affected.map((s) => s.consumerTeamId), ctx.now);
    await writeAudit(tx, ctx, { action: rule.overridden ? "deprecation.publish-override" : "deprecation.publish", entityType: "DeprecationNotice", entityId: notice.id, teamId: owner.teamId, productId: product.id, after: { ...notice, affectedSubscriptions: active.length } });
    return { ...notice, affectedSubscriptions: active.length };
  });
}
