// The lineage and ODPS endpoints over HTTP (route handlers in-process, real tokens).
import fs from "node:fs";
import { describe, it, expect } from "vitest";
import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import { getDb } from "@/lib/server/db/client";
import * as lineage from "@/app/api/v1/lineage/route";
import * as batch from "@/app/api/v1/lineage/batch/route";
import * as unclaimed from "@/app/api/v1/lineage/unclaimed/route";
import * as claim from "@/app/api/v1/lineage/unclaimed/claim/route";
import * as violations from "@/app/api/v1/governance/violations/route";
import * as product from "@/app/api/v1/products/[key]/route";
import { createProduct, createTeam, createUser } from "./factories";
import { addVersion } from "./subscription-fixtures";
import { lineageEvent, portFor } from "./lineage-fixtures";
import { call, newToken } from "./api-helpers";
import { fixturePath } from "../../scripts/lib/shared-fixtures";

const ODPS_SCHEMA = fixturePath("odps", "odps-json-schema-v1.0.0.json");
const validateOdps = (() => {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(ODPS_SCHEMA, "utf8")));
})();

async function setup() {
  const orders = await createTeam({ owner: await createUser() });
  const marketing = await createTeam({ owner: await createUser() });
  const silver = await createProduct({ team: orders, tier: "SILVER", topic: "order_facts" });
  const mkt = await createProduct({ team: marketing, tier: "GOLD", topic: "attribution" });
  return { orders, marketing, silver, mkt, ds: { silver: await portFor(silver), mkt: await portFor(mkt) }, token: await newToken(marketing.slug, ["lineage:write"]) };
}

describe("POST /api/v1/lineage", () => {
  it("accepts a RunEvent with a lineage:write token and answers what it mapped and flagged", async () => {
    const s = await setup();
    const r = await call(lineage.POST, { method: "POST", path: "/api/v1/lineage", token: s.token, body: lineageEvent({ inputs: [s.ds.silver], outputs: [s.ds.mkt] }) });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ status: "accepted", edges: [{ downstream: s.mkt.key, upstream: s.silver.key, created: true, violation: "tier.cross-domain-gold-only" }] });
  });

  it("refuses a token without the scope (403), no token (401), and a bad event (400 with paths)", async () => {
    const s = await setup();
    const ev = lineageEvent({ inputs: [s.ds.silver], outputs: [s.ds.mkt] });
    expect((await call(lineage.POST, { method: "POST", path: "/api/v1/lineage", token: await newToken(s.marketing.slug, ["read", "contracts:write"]), body: ev })).status).toBe(403);
    expect((await call(lineage.POST, { method: "POST", path: "/api/v1/lineage", body: ev })).status).toBe(401);
    const bad = await call(lineage.POST, { method: "POST", path: "/api/v1/lineage", token: s.token, body: { ...ev, run: { runId: "" } } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toEqual(["run", "runId"]);
    expect(await getDb().dependency.count({ where: { downstreamId: s.mkt.id } })).toBe(0);
  });

  it("batch: per-item results", async () => {
    const s = await setup();
    const ev = lineageEvent({ inputs: [s.ds.silver], outputs: [s.ds.mkt] });
    const r = await call(batch.POST, { method: "POST", path: "/api/v1/lineage/batch", token: s.token, body: [ev, { nonsense: true }, ev] });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ received: 3, accepted: 1, rejected: 1, duplicates: 1 });
    expect(r.json.items[1]).toMatchObject({ index: 1, status: "rejected", code: "validation_failed" });
  });
});

describe("unclaimed datasets and the report over HTTP", () => {
  it("lists, claims with a contracts:write token of the owner team, and reports", async () => {
    const s = await setup();
    const raw = { namespace: "kafka://broker:9092", name: `clicks.${Date.now()}` };
    await call(lineage.POST, { method: "POST", path: "/api/v1/lineage", token: s.token, body: lineageEvent({ inputs: [raw], outputs: [s.ds.mkt] }) });
    const reader = await newToken(s.orders.slug, ["read"]);
    const list = await call(unclaimed.GET, { path: `/api/v1/lineage/unclaimed?q=${encodeURIComponent(raw.name)}`, token: reader });
    expect(list.status).toBe(200);
    expect(list.json.datasets).toMatchObject([{ ...raw, eventCount: 1, readBy: [expect.stringContaining("airflow-prod/")] }]);
    const bronze = await createProduct({ team: s.orders, tier: "BRONZE", topic: "clicks" });
    expect((await call(claim.POST, { method: "POST", path: "/api/v1/lineage/unclaimed/claim", token: reader, body: { ...raw, product: bronze.key } })).status).toBe(403);
    const ok = await call(claim.POST, { method: "POST", path: "/api/v1/lineage/unclaimed/claim", token: await newToken(s.orders.slug, ["contracts:write"]), body: { ...raw, product: bronze.key, kind: "TOPIC" } });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.json.edges).toEqual([{ downstream: s.mkt.key, upstream: bronze.key, violation: "tier.cross-domain-gold-only" }]);
    const report = await call(violations.GET, { path: `/api/v1/governance/violations?team=${s.marketing.slug}`, token: reader });
    expect(report.status).toBe(200);
    expect(report.json.flags.map((f: { upstream: { key: string } }) => f.upstream.key)).toEqual([bronze.key]);
  });
});

describe("GET /api/v1/products/{key}?format=odps", () => {
  it("is a valid ODPS v1.0.0 document with output ports per contract version and contract references", async () => {
    const team = await createTeam({ owner: await createUser() });
    await getDb().team.update({ where: { id: team.id }, data: { contactChannel: "#orders-data", onCallHandle: "@orders-oncall" } });
    const up = await createProduct({ team, tier: "SILVER", topic: "order_facts" });
    const p = await createProduct({ team, domainSlug: up.key.split(".")[0], tier: "GOLD", topic: "order_facts" });
    await addVersion(up.id, "1.0.0", ["id"]);
    await addVersion(p.id, "1.0.0", ["id"]);
    await addVersion(p.id, "2.0.0", ["id", "x"]);
    await getDb().dependency.create({ data: { downstreamId: p.id, upstreamProductId: up.id, kind: "HARD" } });
    await portFor(p, { name: "analytics.order_facts_gold" });
    const token = await newToken(team.slug, ["read"]);
    const r = await call(product.GET, { path: `/api/v1/products/${p.key}?format=odps`, params: { key: p.key }, token });
    expect(r.status, r.text).toBe(200);
    expect(validateOdps(r.json), JSON.stringify(validateOdps.errors)).toBe(true);
    expect(r.json).toMatchObject({ apiVersion: "v1.0.0", kind: "DataProduct", id: p.key, status: "active", domain: p.key.split(".")[0] });
    expect(r.json.outputPorts.map((o: { version: string }) => o.version).sort()).toEqual(["1.0.0", "2.0.0"]);
    const contractId = p.key.replace(/\./g, "-");
    expect(r.json.outputPorts[0]).toMatchObject({ type: "table", contractId, customProperties: expect.arrayContaining([{ property: "location", value: "analytics.order_facts_gold" }]) });
    expect(r.json.outputPorts[0].authoritativeDefinitions[0].url).toMatch(new RegExp(`/api/v1/products/${p.key}/contracts/\\d\\.0\\.0\\?format=odcs$`));
    expect(r.json.inputPorts).toEqual([expect.objectContaining({ name: up.key, version: "1.0.0", contractId: up.key.replace(/\./g, "-") })]);
    expect(r.json.customProperties).toEqual(expect.arrayContaining([{ property: "tier", value: "GOLD" }, { property: "ownerTeam", value: team.slug }]));
    expect(r.json.support).toEqual([{ channel: "#orders-data", url: `http://localhost:3000/teams/${team.slug}`, scope: "issues" }]);
    // A broken document would not validate: the check can fail.
    expect(validateOdps({ ...r.json, outputPorts: [{ name: "x" }] })).toBe(false);
    const plain = await call(product.GET, { path: `/api/v1/products/${p.key}`, params: { key: p.key }, token });
    expect(plain.json).toMatchObject({ key: p.key, tier: "GOLD", currentVersion: expect.any(String) });
    expect((await call(product.GET, { path: `/api/v1/products/nope.nope.gold?format=odps`, params: { key: "nope.nope.gold" }, token })).status).toBe(404);
  });

  it("a product without contract or port still validates", async () => {
    const team = await createTeam({ owner: await createUser() });
    const p = await createProduct({ team });
    const r = await call(product.GET, { path: `/api/v1/products/${p.key}?format=odps`, params: { key: p.key }, token: await newToken(team.slug, ["read"]) });
    expect(validateOdps(r.json), JSON.stringify(validateOdps.errors)).toBe(true);
  });
});
