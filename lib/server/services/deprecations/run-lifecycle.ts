import "server-only";
import { getDb, type Db, type Tx } from "../../db/client";
import { makeCtx } from "../../auth/context";
import { writeAudit } from "../../audit";
import { dueReminders } from "@/lib/domain/deprecations/reminders";
import { resolvePin } from "@/lib/domain/versions/resolve";
import { notifyStage } from "./notify-stage";
import { affectedSubscriptions, covers, NOTICE_SELECT, syncDeprecatedVersions } from "./shared";

export interface LifecycleResult {
  notices: number;
  notified: number;
  retiredVersions: number;
  brokenSubscriptions: number;
}

/**
 * The `deprecations.tick` job: for every active notice, send the reminders due at `now` and, at
 * the sunset, retire its versions (or the product) and break the subscriptions left on them.
 * One transaction per notice, holding the notice's row lock, so two instances running the tick at
 * once serialize per notice; notifications and deliveries are keyed, so a rerun adds nothing.
 * `productKey` limits the run to one product (the test clock route uses it).
 */
export async function runLifecycle({ now, db = getDb(), productKey }: { now: Date; db?: Db; productKey?: string }): Promise<LifecycleResult> {
  const due = await db.deprecationNotice.findMany({ where: { status: "ACTIVE", announcedAt: { lte: now }, ...(productKey ? { product: { key: productKey } } : {}) }, select: { id: true }, orderBy: { sunsetAt: "asc" } });
  const total: LifecycleResult = { notices: due.length, notified: 0, retiredVersions: 0, brokenSubscriptions: 0 };
  for (const { id } of due) {
    const r = await db.$transaction((tx) => tickNotice(tx, id, now), { timeout: 30_000 });
    total.notified += r.notified;
    total.retiredVersions += r.retiredVersions;
    total.brokenSubscriptions += r.brokenSubscriptions;
  }
  return total;
}

async function tickNotice(tx: Tx, id: string, now: Date) {
  const out = { notified: 0, retiredVersions: 0, brokenSubscriptions: 0 };
  await tx.$queryRaw`select id from "DeprecationNotice" where id = ${id} for update`;
  const notice = await tx.deprecationNotice.findUnique({ where: { id }, select: NOTICE_SELECT });
  if (!notice || notice.status !== "ACTIVE") return out; // another instance finished it
  const affected = await affectedSubscriptions(tx, notice.productId, notice.targetRange, notice.id);
  const teams = affected.filter((s) => s.ack !== "MIGRATED").map((s) => s.consumerTeamId);
  await syncDeprecatedVersions(tx, notice.productId, now);
  for (const stage of dueReminders(notice, now)) {
    if (stage === "sunset") {
      Object.assign(out, await retire(tx, notice, now));
    }
    out.notified += await notifyStage(tx, notice, stage, teams, now);
  }
  return out;
}

async function retire(tx: Tx, notice: { id: string; productId: string; targetRange: string | null; sunsetAt: Date; product: { teamId: string } }, now: Date) {
  const versions = await tx.contractVersion.findMany({ where: { productId: notice.productId }, select: { id: true, version: true, status: true } });
  const toRetire = versions.filter((v) => v.status !== "RETIRED" && (notice.targetRange === null || covers(notice, v.version)));
  if (toRetire.length) await tx.contractVersion.updateMany({ where: { id: { in: toRetire.map((v) => v.id) } }, data: { status: "RETIRED", retiredAt: notice.sunsetAt } });
  const after = versions.map((v) => (toRetire.some((r) => r.id === v.id) ? { ...v, status: "RETIRED" as const } : v));
  // Subscriptions re-resolve without the retired versions; nothing left in range means BROKEN.
  const subs = await tx.subscription.findMany({ where: { productId: notice.productId, status: "ACTIVE" }, select: { id: true, pinRange: true, resolvedVersionId: true } });
  const broken: string[] = [];
  for (const s of subs) {
    const r = resolvePin(s.pinRange, after);
    if (!r) broken.push(s.id);
    else if (r.id !== s.resolvedVersionId) await tx.subscription.update({ where: { id: s.id }, data: { resolvedVersionId: r.id } });
  }
  if (broken.length) await tx.subscription.updateMany({ where: { id: { in: broken } }, data: { status: "BROKEN" } });
  const newest = await tx.contractVersion.findFirst({ where: { productId: notice.productId, status: { not: "RETIRED" } }, orderBy: [{ major: "desc" }, { minor: "desc" }, { patch: "desc" }], select: { id: true } });
  await tx.dataProduct.update({ where: { id: notice.productId }, data: { currentVersionId: newest?.id ?? null, ...(notice.targetRange === null || !newest ? { lifecycleStatus: "RETIRED" } : {}) } });
  await tx.deprecationNotice.update({ where: { id: notice.id }, data: { status: "COMPLETED" } });
  const ctx = makeCtx({ kind: "system", label: "deprecation lifecycle job" }, { now });
  await writeAudit(tx, ctx, {
    action: "deprecation.sunset",
    entityType: "DeprecationNotice",
    entityId: notice.id,
    teamId: notice.product.teamId,
    productId: notice.productId,
    after: { retiredVersions: toRetire.map((v) => v.version), brokenSubscriptions: broken, at: now.toISOString() },
  });
  return { retiredVersions: toRetire.length, brokenSubscriptions: broken.length };
}
