import { describe, it, expect } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { publishNotice } from "@/lib/server/services/deprecations/publish-notice";
import { previewImpact } from "@/lib/server/services/deprecations/preview-impact";
import { updateNotice } from "@/lib/server/services/deprecations/update-notice";
import { withdrawNotice } from "@/lib/server/services/deprecations/withdraw-notice";
import { acknowledgeNotice } from "@/lib/server/services/deprecations/acknowledge-notice";
import { getNoticeProgress } from "@/lib/server/services/deprecations/get-notice-progress";
import { listNotifications, countUnread } from "@/lib/server/services/notifications/list-notifications";
import { markRead } from "@/lib/server/services/notifications/mark-read";
import { ConflictError, ForbiddenError, PolicyViolation, UnauthenticatedError, ValidationError } from "@/lib/server/errors";
import { makeCtx } from "@/lib/server/auth/context";
import { createUser, userCtx } from "./factories";
import { storedTokenCtx, world } from "./subscription-fixtures";

const DAY = 864e5;
const days = (n: number, from = Date.now()) => new Date(from + n * DAY);

async function subscribed(opts: { pin?: string } = {}) {
  const w = await world({ withMajor3: true });
  const sub = await getDb().subscription.create({
    data: { productId: w.gold.id, consumerTeamId: w.consumerTeam.id, consumingProductId: w.consumerProductGold.id, pinRange: opts.pin ?? "^2.1", purpose: "revenue", status: "ACTIVE" },
  });
  await getDb().dependency.create({ data: { downstreamId: w.consumerProductGold.id, upstreamProductId: w.gold.id, kind: "HARD", origin: "SUBSCRIPTION", subscriptionId: sub.id } });
  return { ...w, sub };
}

const input = (key: string, over: Record<string, unknown> = {}) => ({ productKey: key, targetRange: "2.x", reason: "3.x splits amount into net and gross", sunsetAt: days(90).toISOString(), replacementRange: "3.x", migrationNotes: "Use `amount_net`.", ...over });

describe("publishing a notice", () => {
  it("refuses a 30-day sunset while subscribers remain, accepts 90 days, deprecates the range and tells the consumers once", async () => {
    const w = await subscribed();
    const auditBefore = await getDb().auditLog.count();
    const refused = publishNotice({ ctx: w.ctx.owner, input: input(w.gold.key, { sunsetAt: days(30).toISOString() }) });
    await expect(refused).rejects.toBeInstanceOf(PolicyViolation);
    await expect(publishNotice({ ctx: w.ctx.owner, input: input(w.gold.key, { sunsetAt: days(30).toISOString() }) })).rejects.toThrow(/at least 90 days/);
    expect(await getDb().deprecationNotice.count()).toBe(0);
    expect(await getDb().auditLog.count()).toBe(auditBefore);

    const n = await publishNotice({ ctx: w.ctx.owner, input: input(w.gold.key, { sunsetAt: days(91).toISOString() }) });
    expect(n).toMatchObject({ targetRange: "2.x", status: "ACTIVE", affectedSubscriptions: 1, overrideReason: null });
    const versions = await getDb().contractVersion.findMany({ where: { productId: w.gold.id }, orderBy: { major: "asc" } });
    expect(versions.map((v) => [v.version, v.status])).toEqual([["2.0.0", "DEPRECATED"], ["2.1.0", "DEPRECATED"], ["3.0.0", "PUBLISHED"]]);
    expect(versions[0]!.deprecatedAt).not.toBeNull();
    const notes = await getDb().notification.findMany({ where: { dedupeKey: `deprecation.announced:${n.id}` } });
    expect(notes.map((x) => x.userId)).toEqual([w.consumer.id]);
    expect(await getDb().auditLog.count({ where: { entityId: n.id, action: "deprecation.publish" } })).toBe(1);
  });

  it("refuses everyone but the product's owners (members, outsiders, consumers, tokens without the scope)", async () => {
    const w = await subscribed();
    for (const ctx of [w.ctx.ownerMember, w.ctx.outsider, w.ctx.consumer, await storedTokenCtx(w.ownerTeam.id, ["READ"]), await storedTokenCtx(w.consumerTeam.id, ["CONTRACTS_WRITE"])]) {
      await expect(publishNotice({ ctx, input: input(w.gold.key) })).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(publishNotice({ ctx: makeCtx({ kind: "anonymous" }), input: input(w.gold.key) })).rejects.toBeInstanceOf(UnauthenticatedError);
    const token = await storedTokenCtx(w.ownerTeam.id, ["CONTRACTS_WRITE"]);
    expect((await publishNotice({ ctx: token, input: input(w.gold.key) })).status).toBe("ACTIVE");
  });

  it("lets only a platform admin go below the minimum, with the reason recorded and audited", async () => {
    const w = await subscribed();
    const over = input(w.gold.key, { sunsetAt: days(10).toISOString(), overrideReason: "PII leak in 2.x" });
    await expect(publishNotice({ ctx: w.ctx.owner, input: over })).rejects.toBeInstanceOf(ForbiddenError);
    const admin = await userCtx(await createUser({ admin: true }));
    const n = await publishNotice({ ctx: admin, input: over });
    expect(n.overrideReason).toBe("PII leak in 2.x");
    expect(await getDb().auditLog.count({ where: { entityId: n.id, action: "deprecation.publish-override" } })).toBe(1);
  });

  it("validates the target, the dates and the replacement", async () => {
    const w = await subscribed();
    await expect(publishNotice({ ctx: w.ctx.owner, input: input(w.gold.key, { targetRange: ">=2" }) })).rejects.toBeInstanceOf(ValidationError);
    await expect(publishNotice({ ctx: w.ctx.owner, input: input(w.gold.key, { targetRange: "7.x" }) })).rejects.toBeInstanceOf(PolicyViolation);
    await expect(publishNotice({ ctx: w.ctx.owner, input: input(w.gold.key, { sunsetAt: "soon" }) })).rejects.toBeInstanceOf(ValidationError);
    await expect(publishNotice({ ctx: w.ctx.owner, input: input(w.gold.key, { replacementProductKey: "nope.nope.gold" }) })).rejects.toBeInstanceOf(ValidationError);
    await expect(publishNotice({ ctx: w.ctx.owner, input: input(w.gold.key, { sunsetAt: days(-1).toISOString() }) })).rejects.toBeInstanceOf(PolicyViolation);
  });

  it("previews who is affected: subscriptions resolving into the range and downstream products; owners only", async () => {
    const w = await subscribed();
    const p = await previewImpact({ ctx: w.ctx.owner, input: { productKey: w.gold.key, targetRange: "2.x" } });
    expect(p.versions).toEqual(["2.0.0", "2.1.0"]);
    expect(p.subscriptions.map((s) => [s.team.slug, s.pinRange, s.version])).toEqual([[w.consumerTeam.slug, "^2.1", "2.1.0"]]);
    expect(p.downstream.map((d) => d.key)).toEqual([w.consumerProductGold.key]);
    expect(p.earliestSunset.getTime()).toBeGreaterThan(days(89).getTime());
    const none = await previewImpact({ ctx: w.ctx.owner, input: { productKey: w.gold.key, targetRange: "3.x" } });
    expect(none.subscriptions).toEqual([]);
    await expect(previewImpact({ ctx: w.ctx.outsider, input: { productKey: w.gold.key } })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("changing a notice", () => {
  it("extends at any time, shortens only within the rule, withdraws (versions back to PUBLISHED); owners only; all audited", async () => {
    const w = await subscribed();
    const n = await publishNotice({ ctx: w.ctx.owner, input: input(w.gold.key, { sunsetAt: days(120).toISOString() }) });
    await expect(updateNotice({ ctx: w.ctx.ownerMember, input: { id: n.id, sunsetAt: days(200).toISOString() } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateNotice({ ctx: w.ctx.outsider, input: { id: n.id, sunsetAt: days(200).toISOString() } })).rejects.toBeInstanceOf(ForbiddenError);
    const later = days(200);
    expect((await updateNotice({ ctx: w.ctx.owner, input: { id: n.id, sunsetAt: later.toISOString() } })).sunsetAt.getTime()).toBe(later.getTime());
    await expect(updateNotice({ ctx: w.ctx.owner, input: { id: n.id, sunsetAt: days(40).toISOString() } })).rejects.toBeInstanceOf(PolicyViolation);
    await updateNotice({ ctx: w.ctx.owner, input: { id: n.id, sunsetAt: days(95).toISOString() } });
    await expect(withdrawNotice({ ctx: w.ctx.consumer, input: { id: n.id, reason: "not mine" } })).rejects.toBeInstanceOf(ForbiddenError);
    await withdrawNotice({ ctx: w.ctx.owner, input: { id: n.id, reason: "We keep 2.x after all" } });
    expect((await getDb().contractVersion.findMany({ where: { productId: w.gold.id, status: "DEPRECATED" } })).length).toBe(0);
    await expect(withdrawNotice({ ctx: w.ctx.owner, input: { id: n.id, reason: "twice" } })).rejects.toBeInstanceOf(ConflictError);
    await expect(updateNotice({ ctx: w.ctx.owner, input: { id: n.id, sunsetAt: days(300).toISOString() } })).rejects.toBeInstanceOf(ConflictError);
    const actions = (await getDb().auditLog.findMany({ where: { entityId: n.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["deprecation.publish", "deprecation.extend", "deprecation.shorten", "deprecation.withdraw"]);
  });
});

describe("acknowledging and migration progress", () => {
  it("a consumer team acknowledges; outsiders cannot; moving the pin counts as migrated in the owner's progress", async () => {
    const w = await subscribed();
    const n = await publishNotice({ ctx: w.ctx.owner, input: input(w.gold.key) });
    await expect(acknowledgeNotice({ ctx: w.ctx.outsider, input: { id: n.id, team: w.consumerTeam.slug, state: "SEEN" } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(acknowledgeNotice({ ctx: w.ctx.owner, input: { id: n.id, team: w.ownerTeam.slug, state: "SEEN" } })).rejects.toBeInstanceOf(PolicyViolation);
    await acknowledgeNotice({ ctx: w.ctx.consumer, input: { id: n.id, team: w.consumerTeam.slug, state: "SEEN" } });
    let p = await getNoticeProgress(w.ctx.owner, n.id);
    expect(p).toMatchObject({ total: 1, migrated: 0 });
    expect(p.teams[0]).toMatchObject({ slug: w.consumerTeam.slug, ack: "SEEN" });
    const { updateSubscription } = await import("@/lib/server/services/subscriptions/update-subscription");
    await updateSubscription({ ctx: w.ctx.consumer, input: { id: w.sub.id, pinRange: "^3.0" } });
    p = await getNoticeProgress(w.ctx.owner, n.id);
    expect(p).toMatchObject({ total: 1, migrated: 1 });
    expect(p.teams[0]).toMatchObject({ ack: "MIGRATED", onRange: false });
    await expect(getNoticeProgress(w.ctx.outsider, n.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("the inbox", () => {
  it("counts unread, marks one and all read, and never touches another user's notifications", async () => {
    const w = await subscribed();
    await publishNotice({ ctx: w.ctx.owner, input: input(w.gold.key) });
    await getDb().notification.create({ data: { userId: w.outsider.id, kind: "x", title: "other", dedupeKey: "x" } });
    expect(await countUnread(w.ctx.consumer)).toBe(1);
    const [first] = await listNotifications(w.ctx.consumer);
    expect((await markRead({ ctx: w.ctx.outsider, input: { id: first!.id } })).updated).toBe(0);
    expect(await countUnread(w.ctx.consumer)).toBe(1);
    expect((await markRead({ ctx: w.ctx.consumer, input: { id: first!.id } })).updated).toBe(1);
    expect(await countUnread(w.ctx.consumer)).toBe(0);
    expect((await markRead({ ctx: w.ctx.outsider, input: { all: "1" } })).updated).toBe(1);
    await expect(markRead({ ctx: makeCtx({ kind: "anonymous" }), input: { all: "1" } })).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
