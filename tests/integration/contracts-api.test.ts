import { describe, it, expect } from "vitest";
import YAML from "yaml";
import { getDb } from "@/lib/server/db/client";
import * as contracts from "@/app/api/v1/products/[key]/contracts/route";
import * as version from "@/app/api/v1/products/[key]/contracts/[version]/route";
import * as diff from "@/app/api/v1/contracts/diff/route";
import { validateOdcs } from "@/lib/domain/odcs/validate";
import { example } from "@/lib/domain/odcs/fixtures.test-support";
import { createProduct, createTeam, createUser } from "./factories";
import { call, newToken } from "./api-helpers";

const doc = (key: string, version: string, fields: string[]) =>
  [
    `name: Facts`,
    `version: ${version}`,
    `owner: team`,
    `product: ${key}`,
    `schema:`,
    `  fields:`,
    ...fields.flatMap((f) => [`    - name: ${f}`, `      type: string`]),
    `sla: {}`,
    `semantics:`,
    `  summary: Facts`,
    ``,
  ].join("\n");

async function setup() {
  const owner = await createUser();
  const team = await createTeam({ owner });
  const other = await createTeam({ owner: await createUser() });
  const product = await createProduct({ team, tier: "SILVER" });
  await getDb().dataProduct.update({ where: { id: product.id }, data: { reliabilityClass: "EXPLORATORY" } });
  const write = await newToken(team.slug, ["contracts:write"]);
  const publish = (body: string, query = "", token = write, headers: Record<string, string> = { "content-type": "application/yaml" }) =>
    call(contracts.POST, { method: "POST", path: `/api/v1/products/${product.key}/contracts${query}`, params: { key: product.key }, token, headers, rawBody: body });
  return { team, other, product, write, publish };
}

describe("POST /api/v1/products/{key}/contracts", () => {
  it("publishes YAML with a contracts:write token: 201 with the report and a location", async () => {
    const s = await setup();
    const r = await s.publish(doc(s.product.key, "1.0.0", ["a", "b"]));
    expect(r.status).toBe(201);
    expect(r.json.published).toMatchObject({ version: "1.0.0", changeClass: null, current: true });
    expect(r.json.report).toMatchObject({ ok: true, declared: "INITIAL", format: "NATIVE" });
    expect(r.headers.get("location")).toBe(`/api/v1/products/${s.product.key}/contracts/1.0.0`);
  });

  it("accepts a JSON body and an ODCS document", async () => {
    const s = await setup();
    const json = JSON.stringify(YAML.parse(doc(s.product.key, "1.0.0", ["a"])));
    expect((await s.publish(json, "", s.write, { "content-type": "application/json" })).status).toBe(201);
    const odcs = await s.publish(example("column-completeness.odcs.yaml").replace("version: 1.0.0", "version: 2.0.0"));
    expect(odcs.status).toBe(201);
    expect(odcs.json.report.format).toBe("ODCS");
    expect(odcs.json.report.notes.length).toBeGreaterThan(3);
  });

  it("refuses a removal declared as a minor with 422, the offending change listed; a dry run says the same and writes nothing", async () => {
    const s = await setup();
    await s.publish(doc(s.product.key, "1.0.0", ["a", "b"]));
    const dry = await s.publish(doc(s.product.key, "1.1.0", ["a"]), "?dryRun=true");
    expect(dry.status).toBe(422);
    expect(dry.json.error.code).toBe("rule_violation");
    expect(dry.json.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ rule: "version.semver-bump", path: "b", message: "MAJOR: Field `b` removed." })]));
    expect(dry.json.report).toMatchObject({ ok: false, required: "MAJOR", declared: "MINOR" });
    const real = await s.publish(doc(s.product.key, "1.1.0", ["a"]));
    expect(real.status).toBe(422);
    expect(real.json.report.violations).toEqual(dry.json.report.violations);
    expect(await getDb().contractVersion.count({ where: { productId: s.product.id } })).toBe(1);
    const ok = await s.publish(doc(s.product.key, "2.0.0", ["a"]), "?dryRun=true");
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ published: null, report: { ok: true, declared: "MAJOR" } });
    expect(await getDb().contractVersion.count({ where: { productId: s.product.id } })).toBe(1);
  });

  it("answers 400 with line numbers for a broken document, 409 for a published version", async () => {
    const s = await setup();
    const bad = await s.publish("name: x\nversion: one\n");
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("validation_failed");
    expect(bad.json.report.violations.find((v: { path: string }) => v.path === "version")).toMatchObject({ line: 2 });
    await s.publish(doc(s.product.key, "1.0.0", ["a"]));
    const again = await s.publish(doc(s.product.key, "1.0.0", ["a", "b"]));
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("conflict");
  });

  it("refuses another team's token and a read-only token with 403, and nothing is written", async () => {
    const s = await setup();
    const foreign = await newToken(s.other.slug, ["contracts:write"]);
    const read = await newToken(s.team.slug, ["read"]);
    for (const token of [foreign, read]) {
      const r = await s.publish(doc(s.product.key, "1.0.0", ["a"]), "", token);
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe("forbidden");
      expect(r.json.report).toBeUndefined();
    }
    expect(await getDb().contractVersion.count({ where: { productId: s.product.id } })).toBe(0);
    expect((await s.publish(doc(s.product.key, "1.0.0", ["a"]), "", "")).status).toBe(401);
  });
});

describe("GET /api/v1/products/{key}/contracts[/{version}]", () => {
  it("lists versions and serves one as JSON, native YAML, ODCS or the source text", async () => {
    const s = await setup();
    await s.publish(doc(s.product.key, "1.0.0", ["a", "b"]));
    await s.publish(doc(s.product.key, "1.1.0", ["a", "b", "c"]));
    const token = await newToken(s.other.slug, ["read"]);
    const list = await call(contracts.GET, { params: { key: s.product.key }, token });
    expect(list.status).toBe(200);
    expect(list.json.versions.map((v: { version: string; changeClass: string | null; current: boolean }) => [v.version, v.changeClass, v.current])).toEqual([["1.1.0", "MINOR", true], ["1.0.0", null, false]]);
    expect(list.json.versions[0].changelog).toContain("New optional field `c` (string).");

    const get = (v: string, query = "", headers: Record<string, string> = {}) => call(version.GET, { path: `/api/v1/products/${s.product.key}/contracts/${v}${query}`, params: { key: s.product.key, version: v }, token, headers });
    const json = await get("1.0.0");
    expect(json.json).toMatchObject({ version: "1.0.0", current: false, sourceFormat: "NATIVE", document: { name: "Facts" } });
    const yaml = await get("current", "", { accept: "application/yaml" });
    expect(yaml.headers.get("content-type")).toMatch(/application\/yaml/);
    expect(YAML.parse(yaml.text).version).toBe("1.1.0");
    const odcs = await get("1.1.0", "?format=odcs&download=1");
    expect(odcs.headers.get("content-disposition")).toBe(`attachment; filename="${s.product.key}-1.1.0.odcs.yaml"`);
    expect(validateOdcs(YAML.parse(odcs.text))).toEqual({ ok: true });
    const odcsJson = await get("1.1.0", "?format=odcs", { accept: "application/json" });
    expect(odcsJson.json.apiVersion).toBe("v3.1.0");
    expect((await get("1.0.0", "?format=source")).text).toBe(doc(s.product.key, "1.0.0", ["a", "b"]));
    expect((await get("9.0.0")).status).toBe(404);
    expect((await get("latest")).status).toBe(400);
  });

  it("needs a token that may read", async () => {
    const s = await setup();
    const lineage = await newToken(s.team.slug, ["lineage:write"]);
    expect((await call(contracts.GET, { params: { key: s.product.key }, token: lineage })).status).toBe(403);
    expect((await call(contracts.GET, { params: { key: s.product.key } })).status).toBe(401);
  });
});

describe("POST /api/v1/contracts/diff", () => {
  it("diffs two documents (YAML text or objects, native or ODCS) and checks the declared bump", async () => {
    const s = await setup();
    const token = await newToken(s.team.slug, ["measurements:write"]);
    const r = await call(diff.POST, { method: "POST", token, body: { old: doc("a.b.gold", "1.0.0", ["a", "b"]), new: YAML.parse(doc("a.b.gold", "1.1.0", ["a"])) } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      old: { version: "1.0.0" },
      new: { version: "1.1.0" },
      required: "MAJOR",
      changes: [{ path: "b", kind: "field.removed", class: "MAJOR", message: "Field `b` removed." }],
      versionCheck: { ok: false, offending: [{ path: "b" }] },
    });
    expect(r.json.changelog[0]).toBe("### Breaking changes (MAJOR)");
    const odcs = example("full-example.odcs.yaml");
    const same = await call(diff.POST, { method: "POST", token, body: { old: odcs, new: odcs } });
    expect(same.json).toMatchObject({ required: "NONE", changes: [], versionCheck: { ok: false } });
  });

  it("answers 400 naming the document, path and line of each error", async () => {
    const s = await setup();
    const token = await newToken(s.team.slug, ["read"]);
    const r = await call(diff.POST, { method: "POST", token, body: { old: "name: x\nversion: 1\n", new: doc("a.b.gold", "1.0.0", ["a"]) } });
    expect(r.status).toBe(400);
    expect(r.json.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ document: "old", path: "version", line: 2 })]));
    expect((await call(diff.POST, { method: "POST", body: { old: "", new: "" } })).status).toBe(401);
  });
});
