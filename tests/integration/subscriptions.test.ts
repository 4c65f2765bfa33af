import { describe, it, expect } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { createSubscription } from "@/lib/server/services/subscriptions/create-subscription";
import { decideSubscription } from "@/lib/server/services/subscriptions/decide-subscription";
import { updateSubscription } from "@/lib/server/services/subscriptions/update-subscription";
import { withdrawSubscription } from "@/lib/server/services/subscriptions/withdraw-subscription";
import { revokeSubscription } from "@/lib/server/services/subscriptions/revoke-subscription";
import { listMySubscriptions } from "@/lib/server/services/subscriptions/list-my-subscriptions";
import { getUpgradePlan } from "@/lib/server/services/subscriptions/get-upgrade-plan";
import { listSubscribers } from "@/lib/server/services/subscriptions/list-subscribers";
import { ConflictError, ForbiddenError, PolicyViolation, ValidationError, NotFoundError } from "@/lib/server/errors";
import { publishContractVersion } from "@/lib/server/services/contracts/publish-contract-version";
import { toContractYaml } from "@/lib/domain/contracts/yaml";
import { addVersion, doc, storedTokenCtx, world } from "./subscription-fixtures";


const counts = async () => {
  const db = getDb();
  return { subs: await db.subscription.count(), edges: await db.dependency.count(), audit: await db.auditLog.count(), notes: await db.notification.count() };
};

describe("subscribing", () => {
  it("defaults the pin to ^MAJOR.MINOR of the current version, resolves the newest in range, and tells the owner team", async () => {
    const w = await world();
    const s = await createSubscription({ ctx: w.ctx.consumer, input: { productKey: w.gold.key, consumerTeam: w.consumerTeam.slug, purpose: "Weekly revenue report" } });
    expect(s).toMatchObject({ status: "ACTIVE", pinRange: "^2.1", resolvedVersion: "2.1.0", outsideInterface: false });
    const notes = await getDb().notification.findMany({ where: { dedupeKey: `subscription.created:${s.id}` } });
    expect(notes.map((n) => n.userId).sort()).toEqual([w.owner.id, w.ownerMember.id].sort());
    expect((await getDb().dataProduct.findUniqueOrThrow({ where: { id: w.gold.id } })).activeSubscriberCount).toBe(1);
    expect(await getDb().auditLog.count({ where: { entityId: s.id, action: "subscription.create" } })).toBe(1);
  });

  it("is pending when the product requires approval, and only an owner of the product's team decides", async () => {
    const w = await world({ approval: true });
    const s = await createSubscription({ ctx: w.ctx.consumer, input: { productKey: w.gold.key, consumerTeam: w.consumerTeam.slug, consumingProductKey: w.consumerProductGold.key, dependencyKind: "SOFT", purpose: "Attribution mart" } });
    expect(s.status).toBe("PENDING");
    expect(await getDb().dependency.count({ where: { subscriptionId: s.id } })).toBe(0);
    await expect(decideSubscription({ ctx: w.ctx.consumer, input: { id: s.id, decision: "approve" } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideSubscription({ ctx: w.ctx.ownerMember, input: { id: s.id, decision: "approve" } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideSubscription({ ctx: w.ctx.owner, input: { id: s.id, decision: "reject" } })).rejects.toBeInstanceOf(ValidationError);
    const r = await decideSubscription({ ctx: w.ctx.owner, input: { id: s.id, decision: "approve" } });
    expect(r.status).toBe("ACTIVE");
    const edge = await getDb().dependency.findUniqueOrThrow({ where: { subscriptionId: s.id } });
    expect(edge).toMatchObject({ downstreamId: w.consumerProductGold.id, upstreamProductId: w.gold.id, kind: "SOFT", origin: "SUBSCRIPTION" });
    expect(await getDb().notification.count({ where: { userId: w.consumer.id, kind: "subscription.approved" } })).toBe(1);
    await expect(decideSubscription({ ctx: w.ctx.owner, input: { id: s.id, decision: "reject", reason: "too late" } })).rejects.toBeInstanceOf(ConflictError);
  });

  it("auto-approves inside the owner team", async () => {
    const w = await world({ approval: true });
    const s = await createSubscription({ ctx: w.ctx.ownerMember, input: { productKey: w.gold.key, consumerTeam: w.ownerTeam.slug, purpose: "Our own dashboards" } });
    expect(s.status).toBe("ACTIVE");
  });

  it("refuses a user who is not in the consumer team, and writes nothing", async () => {
    const w = await world();
    const before = await counts();
    await expect(createSubscription({ ctx: w.ctx.outsider, input: { productKey: w.gold.key, consumerTeam: w.consumerTeam.slug, purpose: "hijack" } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createSubscription({ ctx: await storedTokenCtx(w.consumerTeam.id, ["READ"]), input: { productKey: w.gold.key, consumerTeam: w.consumerTeam.slug, purpose: "read-only token" } })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await counts()).toEqual(before);
  });

  it("lets a token with subscriptions:write subscribe its own team only", async () => {
    const w = await world();
    const s = await createSubscription({ ctx: await storedTokenCtx(w.consumerTeam.id, ["SUBSCRIPTIONS_WRITE"]), input: { productKey: w.gold.key, consumerTeam: w.consumerTeam.slug, pinRange: "2.x", purpose: "CI job" } });
    expect(s.pinRange).toBe("2.x");
    await expect(createSubscription({ ctx: await storedTokenCtx(w.consumerTeam.id, ["SUBSCRIPTIONS_WRITE"]), input: { productKey: w.gold.key, consumerTeam: w.ownerTeam.slug, purpose: "other team" } })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("applies the tier rule to a consuming product of another domain, but allows (and labels) a plain team subscription", async () => {
    const w = await world();
    const before = await counts();
    const err = await createSubscription({ ctx: w.ctx.consumer, input: { productKey: w.silver.key, consumerTeam: w.consumerTeam.slug, consumingProductKey: w.consumerProductGold.key, purpose: "mart" } }).catch((e) => e);
    expect(err).toBeInstanceOf(PolicyViolation);
    expect((err as PolicyViolation).violations[0]).toMatchObject({ rule: "tier.cross-domain-gold-only" });
    expect((err as PolicyViolation).violations[0].message).toContain("only depend on GOLD");
    expect(await counts()).toEqual(before);
    const plain = await createSubscription({ ctx: w.ctx.consumer, input: { productKey: w.silver.key, consumerTeam: w.consumerTeam.slug, purpose: "exploration" } });
    expect(plain.outsideInterface).toBe(true);
  });

  it("refuses invalid pins, pins that resolve nothing, duplicates, and products of other teams as consumers", async () => {
    const w = await world();
    const input = { productKey: w.gold.key, consumerTeam: w.consumerTeam.slug, purpose: "reports" };
    await expect(createSubscription({ ctx: w.ctx.consumer, input: { ...input, pinRange: ">=2" } })).rejects.toBeInstanceOf(ValidationError);
    const e = await createSubscription({ ctx: w.ctx.consumer, input: { ...input, pinRange: "^9.0" } }).catch((x) => x);
    expect(e).toBeInstanceOf(PolicyViolation);
    expect(e.message).toContain("newest is 2.1.0");
    await expect(createSubscription({ ctx: w.ctx.consumer, input: { ...input, purpose: "" } })).rejects.toBeInstanceOf(ValidationError);
    await expect(createSubscription({ ctx: w.ctx.consumer, input: { ...input, productKey: "no.such.gold" } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createSubscription({ ctx: w.ctx.consumer, input: { ...input, consumingProductKey: w.silver.key } })).rejects.toBeInstanceOf(ValidationError);
    await createSubscription({ ctx: w.ctx.consumer, input });
    await expect(createSubscription({ ctx: w.ctx.consumer, input })).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuses a subscription that would close a dependency cycle", async () => {
    const w = await world();
    // gold already reads the consumer's mart: the mart may not read gold.
    await getDb().dependency.create({ data: { downstreamId: w.gold.id, upstreamProductId: w.consumerProductGold.id, kind: "SOFT" } });
    const e = await createSubscription({ ctx: w.ctx.consumer, input: { productKey: w.gold.key, consumerTeam: w.consumerTeam.slug, consumingProductKey: w.consumerProductGold.key, purpose: "mart" } }).catch((x) => x);
    expect(e).toBeInstanceOf(PolicyViolation);
    expect(e.violations.map((v: { rule: string }) => v.rule)).toContain("topology.no-cycles");
  });
});

describe("pins over time", () => {
  it("flows minors in, never a new major, and the upgrade assistant lists what breaks", async () => {
    const w = await world();
    const s = await createSubscription({ ctx: w.ctx.consumer, input: { productKey: w.gold.key, consumerTeam: w.consumerTeam.slug, purpose: "reports" } });
    await addVersion(w.gold.id, "3.0.0", ["id", "amount", "channel"]);
    const [mine] = await listMySubscriptions(w.ctx.consumer);
    expect(mine).toMatchObject({ id: s.id, state: "NEW_MAJOR_AVAILABLE", resolved: "2.1.0", newestOverall: "3.0.0" });
    const { plan } = await getUpgradePlan(w.ctx.consumer, s.id, "3.0.0");
    expect(plan?.required).toBe("MAJOR");
    expect(plan?.breaking.map((c) => c.path)).toContain("note");
    expect(plan?.suggestedPin).toBe("^3.0");
    // The owner team may read it too; an outsider may not even see it exists.
    await expect(getUpgradePlan(w.ctx.owner, s.id)).resolves.toBeTruthy();
    await expect(getUpgradePlan(w.ctx.outsider, s.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("moves the pin, records migration off a deprecated range, and refuses an outsider", async () => {
    const w = await world({ withMajor3: true });
    const s = await createSubscription({ ctx: w.ctx.consumer, input: { productKey: w.gold.key, consumerTeam: w.consumerTeam.slug, pinRange: "^2.0", purpose: "reports" } });
    const notice = await getDb().deprecationNotice.create({ data: { productId: w.gold.id, targetRange: "2.x", reason: "3.0 replaces it", sunsetAt: new Date(Date.now() + 100 * 864e5) } });
    const [before] = await listMySubscriptions(w.ctx.consumer);
    expect(before.state).toBe("DEPRECATED");
    await expect(updateSubscription({ ctx: w.ctx.outsider, input: { id: s.id, pinRange: "^3.0" } })).rejects.toBeInstanceOf(ForbiddenError);
    const moved = await updateSubscription({ ctx: w.ctx.consumer, input: { id: s.id, pinRange: "^3.0" } });
    expect(moved).toMatchObject({ pinRange: "^3.0", resolvedVersion: { version: "3.0.0" }, migratedNotices: [notice.id] });
    const ack = await getDb().deprecationAck.findUniqueOrThrow({ where: { noticeId_teamId: { noticeId: notice.id, teamId: w.consumerTeam.id } } });
    expect(ack.state).toBe("MIGRATED");
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { entityId: s.id, action: "subscription.move-pin" } });
    expect(audit.before).toMatchObject({ pinRange: "^2.0" });
  });

  it("revives a BROKEN subscription when a newly published version falls inside its pin, and tells the consumer", async () => {
    const w = await world();
    const s = await createSubscription({ ctx: w.ctx.consumer, input: { productKey: w.gold.key, consumerTeam: w.consumerTeam.slug, pinRange: "~2.1.0", purpose: "reports" } });
    const other = await createSubscription({ ctx: w.ctx.ownerMember, input: { productKey: w.gold.key, consumerTeam: w.ownerTeam.slug, pinRange: "2.0.0", purpose: "exact pin" } });
    // The sunset retired 2.1.0 and 2.0.0: both subscriptions are broken (what the lifecycle tick does).
    await getDb().contractVersion.updateMany({ where: { productId: w.gold.id }, data: { status: "RETIRED" } });
    await getDb().subscription.updateMany({ where: { id: { in: [s.id, other.id] } }, data: { status: "BROKEN", resolvedVersionId: null } });
    await publishContractVersion({ ctx: w.ctx.owner, input: { key: w.gold.key, source: toContractYaml(doc("2.1.1", ["id", "amount", "note", "channel"])) } });
    const revived = await getDb().subscription.findUniqueOrThrow({ where: { id: s.id }, include: { resolvedVersion: true } });
    expect(revived).toMatchObject({ status: "ACTIVE", resolvedVersion: { version: "2.1.1" } });
    // The exact pin stays broken: 2.1.1 is not inside "2.0.0".
    expect((await getDb().subscription.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("BROKEN");
    const notes = await getDb().notification.findMany({ where: { userId: w.consumer.id, kind: "subscription.revived" } });
    expect(notes).toHaveLength(1);
    expect(notes[0].link).toBe(`/subscriptions/${s.id}`);
  });

  it("lists subscribers with counts per major, and ends subscriptions by withdraw or revoke", async () => {
    const w = await world({ withMajor3: true });
    const a = await createSubscription({ ctx: w.ctx.consumer, input: { productKey: w.gold.key, consumerTeam: w.consumerTeam.slug, pinRange: "^2.0", purpose: "old reports" } });
    const b = await createSubscription({ ctx: w.ctx.ownerMember, input: { productKey: w.gold.key, consumerTeam: w.ownerTeam.slug, purpose: "own use" } });
    const list = await listSubscribers(w.ctx.consumer, w.gold.key);
    expect(list.perMajor).toEqual([{ major: "2.x", count: 1 }, { major: "3.x", count: 1 }]);
    expect(list.canDecide).toBe(false);
    await expect(revokeSubscription({ ctx: w.ctx.consumer, input: { id: b.id, reason: "nope" } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(withdrawSubscription({ ctx: w.ctx.owner, input: { id: a.id } })).rejects.toBeInstanceOf(ForbiddenError);
    await revokeSubscription({ ctx: w.ctx.owner, input: { id: a.id, reason: "You read a retired table" } });
    await withdrawSubscription({ ctx: w.ctx.ownerMember, input: { id: b.id } });
    expect((await getDb().dataProduct.findUniqueOrThrow({ where: { id: w.gold.id } })).activeSubscriberCount).toBe(0);
    await expect(withdrawSubscription({ ctx: w.ctx.consumer, input: { id: a.id } })).rejects.toBeInstanceOf(ConflictError);
  });
});
