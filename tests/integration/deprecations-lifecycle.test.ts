import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, it, expect, afterAll } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/server/db/generated/client";
import { getDb } from "@/lib/server/db/client";
import { publishNotice } from "@/lib/server/services/deprecations/publish-notice";
import { runLifecycle } from "@/lib/server/services/deprecations/run-lifecycle";
import { updateSubscription } from "@/lib/server/services/subscriptions/update-subscription";
import { createWebhook } from "@/lib/server/services/webhooks/create-webhook";
import { sendTestWebhook } from "@/lib/server/services/webhooks/send-test-webhook";
import { deliverDueWebhooks, backoffMs } from "@/lib/server/services/webhooks/deliver-webhooks";
import { verifySignature } from "@/lib/server/services/webhooks/sign";
import { isPrivateAddress, unsafeDestination } from "@/lib/server/services/webhooks/url-safety";
import { ValidationError } from "@/lib/server/errors";
import { createTeam, createUser, userCtx } from "./factories";
import { world } from "./subscription-fixtures";

const DAY = 864e5;
const T0 = new Date(Date.UTC(2030, 0, 1, 12));
const at = (d: number) => new Date(T0.getTime() + d * DAY);

/** Owner, a consumer team with two members on ^2.1 and one on 2.0.0 (exact), a notice on 2.x announced at T0, sunset T0+90d. */
async function scenario() {
  const w = await world({ withMajor3: true });
  const second = await createUser();
  await getDb().membership.create({ data: { teamId: w.consumerTeam.id, userId: second.id, role: "MEMBER" } });
  const stuckTeam = await createTeam({ members: [await createUser()] });
  const mover = await getDb().subscription.create({ data: { productId: w.gold.id, consumerTeamId: w.consumerTeam.id, pinRange: "^2.1", purpose: "revenue", status: "ACTIVE" } });
  const stuck = await getDb().subscription.create({ data: { productId: w.gold.id, consumerTeamId: stuckTeam.id, pinRange: "2.0.0", purpose: "legacy", status: "ACTIVE" } });
  const n = await publishNotice({ ctx: await userCtx(w.owner, T0), input: { productKey: w.gold.key, targetRange: "2.x", reason: "3.x replaces it", sunsetAt: at(90).toISOString(), replacementRange: "3.x" } });
  return { ...w, second, stuckTeam, mover, stuck, notice: n };
}

const keyCount = async (like: string) => getDb().notification.count({ where: { dedupeKey: { startsWith: like } } });

describe("the lifecycle job", () => {
  it("sends each reminder once, then retires 2.x at the sunset and breaks the subscription left on it", async () => {
    const s = await scenario();
    expect(await keyCount(`deprecation.announced:${s.notice.id}`)).toBe(3); // two consumer members + the stuck team's member
    await runLifecycle({ now: at(1) });
    expect(await keyCount(`deprecation.reminder:`)).toBe(0);
    await runLifecycle({ now: at(83) });
    await runLifecycle({ now: at(83.5) });
    expect(await keyCount(`deprecation.reminder:7d:${s.notice.id}`)).toBe(3);
    expect(await keyCount(`deprecation.reminder:30d:${s.notice.id}`)).toBe(0); // superseded by the clock jump
    // The consumer moves to 3.x: it is migrated and gets no more reminders.
    await updateSubscription({ ctx: await userCtx(s.consumer, at(84)), input: { id: s.mover.id, pinRange: "^3.0" } });
    await runLifecycle({ now: at(89) });
    expect(await getDb().notification.count({ where: { dedupeKey: { startsWith: `deprecation.reminder:1d:${s.notice.id}` } } })).toBe(1);
    const r = await runLifecycle({ now: at(90) });
    expect(r).toMatchObject({ retiredVersions: 2, brokenSubscriptions: 1 });
    const versions = await getDb().contractVersion.findMany({ where: { productId: s.gold.id }, orderBy: { major: "asc" } });
    expect(versions.map((v) => [v.version, v.status])).toEqual([["2.0.0", "RETIRED"], ["2.1.0", "RETIRED"], ["3.0.0", "PUBLISHED"]]);
    expect(versions[0]!.retiredAt).toEqual(at(90));
    expect((await getDb().subscription.findUniqueOrThrow({ where: { id: s.stuck.id } })).status).toBe("BROKEN");
    expect((await getDb().subscription.findUniqueOrThrow({ where: { id: s.mover.id } })).status).toBe("ACTIVE");
    const product = await getDb().dataProduct.findUniqueOrThrow({ where: { id: s.gold.id }, include: { currentVersion: true } });
    expect(product.currentVersion?.version).toBe("3.0.0");
    expect(product.lifecycleStatus).toBe("ACTIVE");
    expect((await getDb().deprecationNotice.findUniqueOrThrow({ where: { id: s.notice.id } })).status).toBe("COMPLETED");
    expect(await keyCount(`deprecation.reminder:sunset:${s.notice.id}`)).toBe(1);
    expect(await getDb().auditLog.count({ where: { entityId: s.notice.id, action: "deprecation.sunset" } })).toBe(1);
    // Idempotent: another tick later changes nothing.
    const again = await runLifecycle({ now: at(120) });
    expect(again).toEqual({ notices: 0, notified: 0, retiredVersions: 0, brokenSubscriptions: 0 });
  });

  it("a product-level notice deprecates and then retires the whole product", async () => {
    const w = await world();
    const n = await publishNotice({ ctx: await userCtx(w.owner, T0), input: { productKey: w.gold.key, reason: "Topic closed", sunsetAt: at(5).toISOString() } });
    expect((await getDb().dataProduct.findUniqueOrThrow({ where: { id: w.gold.id } })).lifecycleStatus).toBe("DEPRECATED");
    await runLifecycle({ now: at(5) });
    const p = await getDb().dataProduct.findUniqueOrThrow({ where: { id: w.gold.id } });
    expect([p.lifecycleStatus, p.currentVersionId]).toEqual(["RETIRED", null]);
    expect(await getDb().contractVersion.count({ where: { productId: w.gold.id, status: { not: "RETIRED" } } })).toBe(0);
    expect((await getDb().deprecationNotice.findUniqueOrThrow({ where: { id: n.id } })).status).toBe("COMPLETED");
  });
});

describe("scoping", () => {
  it("productKey limits a tick to that product's notices (the test clock route uses it)", async () => {
    const a = await scenario();
    const b = await scenario();
    await runLifecycle({ now: at(95), productKey: a.gold.key });
    expect((await getDb().deprecationNotice.findUniqueOrThrow({ where: { id: a.notice.id } })).status).toBe("COMPLETED");
    expect((await getDb().deprecationNotice.findUniqueOrThrow({ where: { id: b.notice.id } })).status).toBe("ACTIVE");
    expect(await getDb().contractVersion.count({ where: { productId: b.gold.id, status: "RETIRED" } })).toBe(0);
  });
});

describe("two app instances on one database", () => {
  const clients: PrismaClient[] = [];
  afterAll(async () => Promise.all(clients.map((c) => c.$disconnect())));
  const instance = () => {
    const c = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 4 }) });
    clients.push(c);
    return c;
  };

  it("each transition and each notification happens once when both run the tick at the same time", async () => {
    const s = await scenario();
    const hook = await getDb().webhook.create({ data: { teamId: s.consumerTeam.id, url: "https://hooks.example.com/x", secret: "s" } });
    const [a, b] = [instance(), instance()];
    for (const day of [60, 83, 89, 90, 91]) {
      await Promise.all([runLifecycle({ now: at(day), db: a }), runLifecycle({ now: at(day), db: b }), runLifecycle({ now: at(day), db: a }), runLifecycle({ now: at(day), db: b })]);
    }
    const rows = await getDb().notification.groupBy({ by: ["userId", "dedupeKey"], _count: true, where: { dedupeKey: { contains: s.notice.id } } });
    expect(rows.every((r) => r._count === 1)).toBe(true);
    const stages = new Set(rows.map((r) => r.dedupeKey.split(":")[0] === "deprecation.announced" ? "announced" : r.dedupeKey.split(":")[1]));
    expect([...stages].sort()).toEqual(["1d", "30d", "7d", "announced", "sunset"].sort());
    expect(rows.filter((r) => r.userId === s.consumer.id)).toHaveLength(5);
    expect(await getDb().auditLog.count({ where: { entityId: s.notice.id, action: "deprecation.sunset" } })).toBe(1);
    // Deliveries: exactly one per stage for the consumer team's webhook (the tick also owes the
    // announcement to a webhook added after publishing).
    const deliveries = await getDb().webhookDelivery.findMany({ where: { webhookId: hook.id }, select: { dedupeKey: true } });
    expect(deliveries).toHaveLength(5);
    expect(new Set(deliveries.map((d) => d.dedupeKey)).size).toBe(5);
  });
});

describe("webhooks", () => {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  let failNext = 0;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.statusCode = failNext-- > 0 ? 503 : 204;
      res.end();
    });
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("delivers signed payloads, retries a failing receiver with backoff, and logs every attempt", async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const owner = await createUser();
    const team = await createTeam({ owner });
    const ctx = await userCtx(owner, T0);
    await expect(createWebhook({ ctx, input: { team: team.slug, url } })).rejects.toBeInstanceOf(ValidationError); // loopback outside test mode
    await expect(createWebhook({ ctx, input: { team: team.slug, url: "ftp://example.com/x" } })).rejects.toBeInstanceOf(ValidationError);
    const hook = await getDb().webhook.create({ data: { teamId: team.id, url, secret: "whsec_test" } });
    const d = await sendTestWebhook({ ctx, input: { team: team.slug, id: hook.id } });

    failNext = 1;
    expect(await deliverDueWebhooks({ now: T0, allowPrivate: true })).toEqual({ claimed: 1, sent: 0 });
    let row = await getDb().webhookDelivery.findUniqueOrThrow({ where: { id: d.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 503, lastError: "HTTP 503" });
    expect(row.nextAttemptAt).toEqual(new Date(T0.getTime() + backoffMs(1)));
    expect(await deliverDueWebhooks({ now: new Date(T0.getTime() + 10_000), allowPrivate: true })).toEqual({ claimed: 0, sent: 0 }); // not yet due
    expect(await deliverDueWebhooks({ now: new Date(T0.getTime() + backoffMs(1)), allowPrivate: true })).toEqual({ claimed: 1, sent: 1 });
    row = await getDb().webhookDelivery.findUniqueOrThrow({ where: { id: d.id } });
    expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 2, lastStatusCode: 204, lastError: null });

    expect(received).toHaveLength(2);
    const last = received[1]!;
    const ts = String(last.headers["x-tessera-timestamp"]);
    expect(verifySignature("whsec_test", ts, last.body, String(last.headers["x-tessera-signature"]))).toBe(true);
    expect(verifySignature("wrong", ts, last.body, String(last.headers["x-tessera-signature"]))).toBe(false);
    expect(verifySignature("whsec_test", ts, last.body.replace("webhook.test", "webhook.evil"), String(last.headers["x-tessera-signature"]))).toBe(false);
    expect(JSON.parse(last.body)).toMatchObject({ id: d.id, event: "webhook.test" });

    // Outside test mode the same loopback receiver is refused at delivery and the delivery fails for good.
    const d2 = await sendTestWebhook({ ctx, input: { team: team.slug, id: hook.id } });
    await deliverDueWebhooks({ now: T0, allowPrivate: false });
    expect(await getDb().webhookDelivery.findUniqueOrThrow({ where: { id: d2.id } })).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(received).toHaveLength(2);
  });

  it("classifies private destinations", async () => {
    for (const ip of ["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "::1", "fd00::1", "::ffff:127.0.0.1", "100.64.0.1", "0.0.0.0"]) expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ["8.8.8.8", "1.1.1.1", "2606:4700::1111"]) expect(isPrivateAddress(ip), ip).toBe(false);
    expect(await unsafeDestination("http://localhost:3000/x", false)).toMatch(/loopback/);
    expect(await unsafeDestination("https://169.254.169.254/latest", false)).toMatch(/private/);
    expect(await unsafeDestination("http://127.0.0.1/x", true)).toBeNull();
  });
});
