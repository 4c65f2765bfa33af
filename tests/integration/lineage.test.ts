import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { describe, it, expect } from "vitest";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { getDb } from "@/lib/server/db/client";
import { ingestLineageEvent } from "@/lib/server/services/lineage/ingest-lineage-event";
import { ingestLineageBatch } from "@/lib/server/services/lineage/ingest-lineage-batch";
import { claimDataset } from "@/lib/server/services/lineage/claim-dataset";
import { waiveViolation } from "@/lib/server/services/lineage/waive-violation";
import { reopenViolation } from "@/lib/server/services/lineage/reopen-violation";
import { getGovernanceReport } from "@/lib/server/services/lineage/get-governance-report";
import { listUnclaimedDatasets } from "@/lib/server/services/lineage/list-unclaimed-datasets";
import { pruneLineageEvents } from "@/lib/server/services/lineage/prune-lineage-events";
import { getTopology } from "@/lib/server/services/topology/get-topology";
import { declareDependency } from "@/lib/server/services/topology/declare-dependency";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { createProduct, createTeam, createUser, userCtx } from "./factories";
import { lineageEvent, lineageToken, portFor, WAREHOUSE } from "./lineage-fixtures";
import { fixturePath } from "../../scripts/lib/shared-fixtures";

const OPENLINEAGE = fixturePath("openlineage", "OpenLineage.json");
const validateOpenLineage = (() => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(OPENLINEAGE, "utf8")));
})();
const uid = () => randomUUID().slice(0, 6).replace(/-/g, "");

/** Orders (a SILVER and a GOLD product) and marketing (a GOLD product), each with a table. */
async function mesh() {
  const ordersOwner = await createUser();
  const orders = await createTeam({ owner: ordersOwner });
  const mktOwner = await createUser();
  const marketing = await createTeam({ owner: mktOwner });
  const od = `orders${uid()}`;
  const md = `marketing${uid()}`;
  const ordersSilver = await createProduct({ team: orders, domainSlug: od, topic: "order_facts", tier: "SILVER" });
  const ordersGold = await createProduct({ team: orders, domainSlug: od, topic: "order_facts", tier: "GOLD" });
  const mktGold = await createProduct({ team: marketing, domainSlug: md, topic: "campaign_attribution", tier: "GOLD" });
  const ds = { ordersSilver: await portFor(ordersSilver), ordersGold: await portFor(ordersGold), mktGold: await portFor(mktGold) };
  return { ordersOwner, orders, mktOwner, marketing, ordersSilver, ordersGold, mktGold, ds, token: await lineageToken(marketing.id) };
}
const observed = (downstreamId: string, upstreamId: string) => getDb().dependency.findMany({ where: { downstreamId, upstreamProductId: upstreamId, origin: "OBSERVED" } });

describe("the sample events are OpenLineage", () => {
  it("validate against the OpenLineage 2-0-2 JSON Schema (and a broken one does not)", () => {
    const ev = lineageEvent({ inputs: [{ namespace: WAREHOUSE, name: "a.b" }], outputs: [{ namespace: WAREHOUSE, name: "c.d" }] });
    expect(validateOpenLineage(ev), JSON.stringify(validateOpenLineage.errors)).toBe(true);
    expect(validateOpenLineage({ ...ev, run: { runId: "not-a-uuid" } })).toBe(false);
  });
});

describe("OpenLineage ingestion", () => {
  it("a marketing job reading orders' SILVER table is a flagged observed dependency on both products", async () => {
    const m = await mesh();
    const ev = lineageEvent({ inputs: [m.ds.ordersSilver], outputs: [m.ds.mktGold], job: { namespace: "airflow-marketing", name: "attribution.daily" } });
    const r = await ingestLineageEvent({ ctx: m.token, input: ev });
    expect(r.status).toBe("accepted");
    expect(r.datasets.map((d) => [d.role, d.match, d.product])).toEqual([["input", "exact", m.ordersSilver.key], ["output", "exact", m.mktGold.key]]);
    expect(r.edges).toHaveLength(1);
    const [edge] = await observed(m.mktGold.id, m.ordersSilver.id);
    expect(edge).toMatchObject({ kind: "SOFT", violation: "tier.cross-domain-gold-only", observedRunCount: 1, observedJobs: ["airflow-marketing/attribution.daily"] });
    expect(edge!.violationMessage).toContain("across domains a product may only depend on GOLD");
    const viewer = await userCtx(await createUser());
    const down = await getTopology(viewer, m.mktGold.key);
    const up = await getTopology(viewer, m.ordersSilver.key);
    expect(down.upstream.find((u) => u.other.key === m.ordersSilver.key)).toMatchObject({ origin: "OBSERVED", violation: "tier.cross-domain-gold-only" });
    expect(up.downstream.find((u) => u.other.key === m.mktGold.key)).toMatchObject({ origin: "OBSERVED", violation: "tier.cross-domain-gold-only" });
    const report = await getGovernanceReport(viewer, {});
    const flag = report.flags.find((f) => f.id === edge!.id)!;
    expect(flag).toMatchObject({ rules: ["tier.cross-domain-gold-only"], downstream: { key: m.mktGold.key }, upstream: { key: m.ordersSilver.key }, jobs: ["airflow-marketing/attribution.daily"], waiver: null });
    const audit = await getDb().auditLog.findMany({ where: { requestId: m.token.requestId } });
    expect(audit.map((a) => a.action)).toEqual(["lineage.ingest"]);
  });

  it("maps case-insensitively only when one port matches; a GOLD reading SILVER of its domain is not flagged", async () => {
    const m = await mesh();
    const ev = lineageEvent({ inputs: [{ namespace: `${WAREHOUSE}/`, name: m.ds.ordersSilver.name.toUpperCase() }], outputs: [m.ds.ordersGold] });
    const r = await ingestLineageEvent({ ctx: m.token, input: ev });
    expect(r.datasets.map((d) => d.match)).toEqual(["case-insensitive", "exact"]);
    const [edge] = await observed(m.ordersGold.id, m.ordersSilver.id);
    expect(edge!.violation).toBeNull();
  });

  it("is idempotent: the same event again changes nothing; another event of the run updates last seen, a new run counts", async () => {
    const m = await mesh();
    const runId = randomUUID();
    const job = { namespace: "airflow-marketing", name: "attribution.daily" };
    const start = lineageEvent({ runId, job, eventType: "START", eventTime: "2026-11-01T02:00:00.000Z", inputs: [m.ds.ordersGold], outputs: [m.ds.mktGold] });
    await ingestLineageEvent({ ctx: m.token, input: start });
    const snap = async () => JSON.stringify([await getDb().dependency.findMany({ orderBy: { id: "asc" } }), await getDb().lineageEvent.count(), await getDb().auditLog.count(), await getDb().unclaimedDataset.findMany()]);
    const before = await snap();
    const again = await ingestLineageEvent({ ctx: m.token, input: start });
    expect(again.status).toBe("duplicate");
    expect(await snap()).toBe(before);
    await ingestLineageEvent({ ctx: m.token, input: { ...start, eventType: "COMPLETE", eventTime: "2026-11-01T02:10:00.000Z" } });
    let [edge] = await observed(m.mktGold.id, m.ordersGold.id);
    expect(edge).toMatchObject({ observedRunCount: 1, violation: null });
    expect(edge!.firstObservedAt!.toISOString()).toBe("2026-11-01T02:00:00.000Z");
    expect(edge!.lastObservedAt!.toISOString()).toBe("2026-11-01T02:10:00.000Z");
    await ingestLineageEvent({ ctx: m.token, input: lineageEvent({ job, eventTime: "2026-11-02T02:00:00.000Z", inputs: [m.ds.ordersGold], outputs: [m.ds.mktGold] }) });
    [edge] = await observed(m.mktGold.id, m.ordersGold.id);
    expect(edge!.observedRunCount).toBe(2);
    expect(edge!.lastObservedAt!.toISOString()).toBe("2026-11-02T02:00:00.000Z");
  });

  it("keeps a declared dependency and shows the observed one next to it", async () => {
    const m = await mesh();
    await declareDependency({ ctx: await userCtx(m.ordersOwner), input: { product: m.ordersGold.key, upstreamProduct: m.ordersSilver.key, kind: "HARD" } });
    await ingestLineageEvent({ ctx: m.token, input: lineageEvent({ inputs: [m.ds.ordersSilver], outputs: [m.ds.ordersGold] }) });
    const t = await getTopology(await userCtx(m.ordersOwner), m.ordersGold.key);
    expect(t.upstream.filter((u) => u.other.key === m.ordersSilver.key).map((u) => [u.origin, u.kind]).sort()).toEqual([["DECLARED", "HARD"], ["OBSERVED", "SOFT"]]);
  });

  it("records an edge that closes a cycle, flagged instead of refused", async () => {
    const m = await mesh();
    await declareDependency({ ctx: await userCtx(m.ordersOwner), input: { product: m.ordersGold.key, upstreamProduct: m.ordersSilver.key } });
    const r = await ingestLineageEvent({ ctx: m.token, input: lineageEvent({ inputs: [m.ds.ordersGold], outputs: [m.ds.ordersSilver] }) });
    expect(r.edges[0]!.violation).toBe("tier.same-domain-order,topology.no-cycles");
    expect(r.edges[0]!.message).toContain("a cycle");
  });

  it("refuses a malformed event with every issue and stores nothing", async () => {
    const m = await mesh();
    const before = await getDb().lineageEvent.count();
    const bad = { ...lineageEvent({ inputs: [m.ds.ordersGold] }), eventTime: "last tuesday", job: { namespace: "x" } };
    const e = await ingestLineageEvent({ ctx: m.token, input: bad }).catch((x) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e.details as { path: string[] }[]).map((d) => d.path[0]).sort()).toEqual(["eventTime", "job"]);
    expect(await getDb().lineageEvent.count()).toBe(before);
  });

  it("refuses a user session and a token without lineage:write", async () => {
    const m = await mesh();
    const ev = lineageEvent({ inputs: [m.ds.ordersSilver], outputs: [m.ds.mktGold] });
    await expect(ingestLineageEvent({ ctx: await userCtx(m.mktOwner), input: ev })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await observed(m.mktGold.id, m.ordersSilver.id)).toEqual([]);
  });
});

describe("batch", () => {
  it("stores the good events, reports the bad one by index, and a repeated one as duplicate", async () => {
    const m = await mesh();
    const good = lineageEvent({ inputs: [m.ds.ordersSilver], outputs: [m.ds.ordersGold] });
    const r = await ingestLineageBatch({ ctx: m.token, input: [good, { ...good, run: {} }, good, lineageEvent({ inputs: [m.ds.ordersGold], outputs: [m.ds.mktGold] })] });
    expect(r).toMatchObject({ received: 4, accepted: 2, duplicates: 1, rejected: 1 });
    expect(r.items.map((i) => i.status)).toEqual(["accepted", "rejected", "duplicate", "accepted"]);
    expect(r.items[1]).toMatchObject({ index: 1, code: "validation_failed" });
    expect(await observed(m.ordersGold.id, m.ordersSilver.id)).toHaveLength(1);
    expect(await observed(m.mktGold.id, m.ordersGold.id)).toHaveLength(1);
  });

  it("refuses an empty or oversized batch as a whole", async () => {
    const m = await mesh();
    await expect(ingestLineageBatch({ ctx: m.token, input: [] })).rejects.toBeInstanceOf(ValidationError);
    await expect(ingestLineageBatch({ ctx: m.token, input: Array.from({ length: 501 }, () => ({})) })).rejects.toBeInstanceOf(ValidationError);
    await expect(ingestLineageBatch({ ctx: m.token, input: { events: [] } })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("unclaimed datasets", () => {
  it("are recorded with the jobs that read and wrote them; claiming one creates the port and the past runs' edges", async () => {
    const m = await mesh();
    const raw = { namespace: "s3://lake-raw", name: `clickstream/${uid()}` };
    const job = { namespace: "spark", name: "orders.enrich" };
    await ingestLineageEvent({ ctx: m.token, input: lineageEvent({ job, inputs: [raw], outputs: [m.ds.ordersGold], eventTime: "2026-11-01T00:00:00.000Z" }) });
    await ingestLineageEvent({ ctx: m.token, input: lineageEvent({ job, inputs: [raw], outputs: [m.ds.ordersGold], eventTime: "2026-11-02T00:00:00.000Z" }) });
    await ingestLineageEvent({ ctx: m.token, input: lineageEvent({ job: { namespace: "spark", name: "ingest" }, outputs: [raw], eventTime: "2026-11-03T00:00:00.000Z" }) });
    const viewer = await userCtx(m.ordersOwner);
    const list = await listUnclaimedDatasets(viewer, { q: raw.name });
    expect(list.datasets).toHaveLength(1);
    expect(list.datasets[0]).toMatchObject({ ...raw, eventCount: 3, readBy: ["spark/orders.enrich"], writtenBy: ["spark/ingest"], firstSeen: "2026-11-01T00:00:00.000Z", lastSeen: "2026-11-03T00:00:00.000Z" });
    expect(list.claimable.map((p) => p.key).sort()).toEqual([m.ordersGold.key, m.ordersSilver.key].sort());
    expect((await listUnclaimedDatasets(viewer, { q: "ORDERS.ENR" })).datasets.map((d) => d.name)).toContain(raw.name);
    expect((await listUnclaimedDatasets(viewer, { q: "%" })).total).toBe(0);
    expect((await listUnclaimedDatasets(viewer, {})).total).toBeGreaterThanOrEqual(1);

    // Another team cannot claim it for orders' product; nothing changes.
    await expect(claimDataset({ ctx: await userCtx(m.mktOwner), input: { ...raw, product: m.ordersSilver.key } })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getDb().unclaimedDataset.count({ where: raw })).toBe(1);

    const bronze = await createProduct({ team: m.orders, domainSlug: m.ordersSilver.key.split(".")[0], topic: "clicks", tier: "BRONZE" });
    const claimed = await claimDataset({ ctx: viewer, input: { ...raw, product: bronze.key } });
    expect(claimed.port).toMatchObject({ namespace: raw.namespace, location: raw.name, kind: "TABLE" });
    expect(claimed.edges).toEqual([{ downstream: m.ordersGold.key, upstream: bronze.key, violation: "tier.same-domain-order" }]);
    const [edge] = await observed(m.ordersGold.id, bronze.id);
    expect(edge).toMatchObject({ observedRunCount: 2, observedJobs: ["spark/orders.enrich"] });
    expect(edge!.lastObservedAt!.toISOString()).toBe("2026-11-02T00:00:00.000Z");
    expect(await getDb().unclaimedDataset.count({ where: raw })).toBe(0);

    // Later events map to the port; claiming again is refused.
    const r = await ingestLineageEvent({ ctx: m.token, input: lineageEvent({ job, inputs: [raw], outputs: [m.ds.ordersGold] }) });
    expect(r.datasets[0]).toMatchObject({ match: "exact", product: bronze.key });
    expect((await observed(m.ordersGold.id, bronze.id))[0]!.observedRunCount).toBe(3);
    await expect(claimDataset({ ctx: viewer, input: { ...raw, product: m.ordersSilver.key } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses to claim a dataset another port already serves", async () => {
    const m = await mesh();
    await getDb().unclaimedDataset.create({ data: { namespace: m.ds.ordersGold.namespace, name: m.ds.ordersGold.name.toUpperCase() } });
    await expect(claimDataset({ ctx: await userCtx(m.ordersOwner), input: { namespace: m.ds.ordersGold.namespace, name: m.ds.ordersGold.name.toUpperCase(), product: m.ordersSilver.key } })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("the governance report", () => {
  it("filters by domain and team, counts, and lets a platform admin waive a flag (audited)", async () => {
    const m = await mesh();
    const other = await mesh();
    await ingestLineageEvent({ ctx: m.token, input: lineageEvent({ inputs: [m.ds.ordersSilver], outputs: [m.ds.mktGold] }) });
    await ingestLineageEvent({ ctx: other.token, input: lineageEvent({ inputs: [other.ds.ordersSilver], outputs: [other.ds.mktGold] }) });
    const viewer = await userCtx(await createUser());
    const domain = m.ordersSilver.key.split(".")[0]!;
    const byDomain = await getGovernanceReport(viewer, { domain });
    expect(byDomain.flags.map((f) => f.upstream.key)).toEqual([m.ordersSilver.key]);
    const byTeam = await getGovernanceReport(viewer, { team: other.marketing.slug });
    expect(byTeam.flags.map((f) => f.downstream.key)).toEqual([other.mktGold.key]);
    expect(byTeam.counts.open).toBe(1);
    expect(byTeam.canWaive).toBe(false);

    const id = byDomain.flags[0]!.id;
    await expect(waiveViolation({ ctx: await userCtx(m.ordersOwner), input: { dependencyId: id, reason: "We know" } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(waiveViolation({ ctx: await userCtx(await createUser({ admin: true })), input: { dependencyId: id, reason: "" } })).rejects.toBeInstanceOf(ValidationError);
    const admin = await userCtx(await createUser({ admin: true }));
    await waiveViolation({ ctx: admin, input: { dependencyId: id, reason: "Attribution moves to the GOLD product in Q1" } });
    const open = await getGovernanceReport(viewer, { domain });
    expect(open.flags).toEqual([]);
    expect(open.counts).toMatchObject({ open: 0, waived: 1 });
    const waived = await getGovernanceReport(viewer, { domain, status: "waived" });
    expect(waived.flags[0]!.waiver).toMatchObject({ reason: "Attribution moves to the GOLD product in Q1" });
    expect((await getDb().auditLog.findMany({ where: { requestId: admin.requestId } })).map((a) => a.action)).toEqual(["governance.waive"]);
    // The same flag seen again stays waived.
    await ingestLineageEvent({ ctx: m.token, input: lineageEvent({ inputs: [m.ds.ordersSilver], outputs: [m.ds.mktGold] }) });
    expect((await getGovernanceReport(viewer, { domain })).counts).toMatchObject({ open: 0, waived: 1 });

    // Taking the waiver back: admins only; the flag is open again; the old waiver is in the audit trail.
    await expect(reopenViolation({ ctx: await userCtx(m.ordersOwner), input: { dependencyId: id } })).rejects.toBeInstanceOf(ForbiddenError);
    const admin2 = await userCtx(await createUser({ admin: true }));
    expect(await reopenViolation({ ctx: admin2, input: { dependencyId: id, reason: "The Q1 migration was cancelled" } })).toMatchObject({ id, waived: false });
    const reopened = await getGovernanceReport(viewer, { domain });
    expect(reopened.counts).toMatchObject({ open: 1, waived: 0 });
    expect(reopened.flags[0]).toMatchObject({ id, waiver: null });
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { requestId: admin2.requestId } });
    expect(audit).toMatchObject({ action: "governance.reopen", before: { waiverReason: "Attribution moves to the GOLD product in Q1" }, after: { reason: "The Q1 migration was cancelled" } });
    // Nothing waived to reopen any more: 404, nothing written.
    const admin3 = await userCtx(await createUser({ admin: true }));
    await expect(reopenViolation({ ctx: admin3, input: { dependencyId: id } })).rejects.toBeInstanceOf(NotFoundError);
    expect(await getDb().auditLog.count({ where: { requestId: admin3.requestId } })).toBe(0);
  });
});

describe("lineage event retention", () => {
  it("drops raw events past the retention setting and keeps what the observed edge learned", async () => {
    const m = await mesh();
    const day = 86_400_000;
    const old = lineageEvent({ inputs: [m.ds.ordersSilver], outputs: [m.ds.ordersGold], eventTime: new Date(Date.now() - 40 * day).toISOString() });
    const recent = lineageEvent({ inputs: [m.ds.ordersSilver], outputs: [m.ds.ordersGold] });
    await ingestLineageEvent({ ctx: m.token, input: old });
    await ingestLineageEvent({ ctx: m.token, input: recent });
    const mine = { runId: { in: [old.run.runId, recent.run.runId] } };
    // Default retention (180 days): nothing goes.
    expect(await pruneLineageEvents({ now: new Date() })).toMatchObject({ retentionDays: 180 });
    expect(await getDb().lineageEvent.count({ where: mine })).toBe(2);
    await getDb().platformSetting.upsert({ where: { key: "lineage.retentionDays" }, update: { value: 30 }, create: { key: "lineage.retentionDays", value: 30 } });
    expect(await pruneLineageEvents({ now: new Date() })).toMatchObject({ retentionDays: 30 });
    expect(await getDb().lineageEvent.findMany({ where: mine, select: { runId: true } })).toEqual([{ runId: recent.run.runId }]);
    const [edge] = await observed(m.ordersGold.id, m.ordersSilver.id);
    expect(edge!.observedRunCount).toBe(2);
  });
});
