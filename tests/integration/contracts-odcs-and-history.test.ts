import { describe, it, expect } from "vitest";
import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import { getDb } from "@/lib/server/db/client";
import { publishContractVersion } from "@/lib/server/services/contracts/publish-contract-version";
import { getContractVersion } from "@/lib/server/services/contracts/get-contract-version";
import { listContractVersions } from "@/lib/server/services/contracts/list-contract-versions";
import { compareContractVersions } from "@/lib/server/services/contracts/compare-contract-versions";
import { saveContractDraft } from "@/lib/server/services/contracts/save-contract-draft";
import { deleteContractDraft } from "@/lib/server/services/contracts/delete-contract-draft";
import { listContractDrafts } from "@/lib/server/services/contracts/list-contract-drafts";
import { getProduct } from "@/lib/server/services/catalog/get-product";
import { ForbiddenError, NotFoundError } from "@/lib/server/errors";
import { exportOdcs } from "@/lib/domain/odcs/export";
import { flattenFields } from "@/lib/domain/contracts/flatten";
import { importOdcs } from "@/lib/domain/odcs/import";
import { EXAMPLES, example, fixtureSchemaText } from "@/lib/domain/odcs/fixtures.test-support";
import { createProduct, createTeam, createUser, userCtx } from "./factories";

const db = () => getDb();
const odcsValid = (() => {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fixtureSchemaText()));
})();

async function setup(tier: "BRONZE" | "SILVER" | "GOLD" = "BRONZE") {
  const owner = await createUser();
  const team = await createTeam({ owner });
  const product = await createProduct({ team, tier });
  await db().dataProduct.update({ where: { id: product.id }, data: { reliabilityClass: "EXPLORATORY", lifecycleStatus: "DRAFT" } });
  return { owner, team, product, ctx: await userCtx(owner) };
}

describe("the three shared ODCS fixtures", () => {
  it.each(EXAMPLES)("%s imports, shows on the product page, and exports back to valid ODCS", async (name) => {
    const { product, ctx } = await setup();
    const text = example(name);
    const r = await publishContractVersion({ ctx, input: { key: product.key, source: text } });
    expect(r.report).toMatchObject({ ok: true, format: "ODCS" });
    expect(r.report.notes.length).toBeGreaterThan(0);

    // What the product page reads.
    const page = await getProduct(product.key);
    expect(page.currentVersion).toMatchObject({ version: r.report.version, sourceFormat: "ODCS" });
    expect(page.currentVersion!.fields.map((f) => f.path)).toEqual(flattenFields(r.report.document!).map((f) => f.path));
    if (name === "full-example.odcs.yaml") expect(page.currentVersion!.fields.map((f) => f.path)).toContain("receivers.receiver_name");
    if (name === "database-table-sla.odcs.yaml") expect(page.slos.map((s) => s.objective)).toEqual(["FRESHNESS"]);

    // The original text is kept; the export is valid ODCS and imports back to the same contract.
    const stored = await getContractVersion(product.key, r.report.version!);
    expect(stored.sourceYaml).toBe(text);
    const exported = exportOdcs(stored.document);
    expect(odcsValid(exported), JSON.stringify(odcsValid.errors)).toBe(true);
    const back = importOdcs(JSON.parse(JSON.stringify(exported)), { owner: "ignored", product: product.key });
    expect(back.ok && back.document).toEqual(stored.document);
  });
});

describe("version history", () => {
  it("lists every version newest first, gets one (or current), and compares any two side by side", async () => {
    const { product, ctx } = await setup();
    const base = { name: "Facts", owner: "t", product: product.key, sla: {}, semantics: { summary: "s" } };
    const publish = (version: string, fields: object[]) => publishContractVersion({ ctx, input: { key: product.key, source: JSON.stringify({ ...base, version, schema: { fields } }) } });
    await publish("1.0.0", [{ name: "a", type: "string" }, { name: "b", type: "integer" }]);
    await publish("1.1.0", [{ name: "a", type: "string" }, { name: "b", type: "integer" }, { name: "c", type: "date" }]);
    await publish("2.0.0", [{ name: "a", type: "string" }, { name: "c", type: "date" }]);

    const list = await listContractVersions(product.key);
    expect(list.map((v) => [v.version, v.changeClass, v.current])).toEqual([["2.0.0", "MAJOR", true], ["1.1.0", "MINOR", false], ["1.0.0", null, false]]);
    expect(list[0]!.changelog).toContain("Field `b` removed.");
    expect(list[0]!.publishedBy?.name).toBe("Test User");

    expect((await getContractVersion(product.key, "current")).version).toBe("2.0.0");
    await expect(getContractVersion(product.key, "9.9.9")).rejects.toBeInstanceOf(NotFoundError);

    const cmp = await compareContractVersions(product.key, "1.0.0", "2.0.0");
    expect(cmp.required).toBe("MAJOR");
    expect(cmp.changes.map((c) => c.kind)).toEqual(["field.removed", "field.added-optional"]);
    expect(cmp.rows.some((r) => (r.kind === "removed" || r.kind === "changed") && r.left?.text.includes("name: b"))).toBe(true);
    expect(cmp.rows.filter((r) => r.kind === "same").length).toBeGreaterThan(5);
    const back = await compareContractVersions(product.key, "2.0.0", "1.0.0");
    expect(back.changes.map((c) => [c.kind, c.path])).toEqual([["field.added-optional", "b"], ["field.removed", "c"]]);
  });
});

describe("contract drafts", () => {
  it("saves, edits and deletes a draft; publishing from a draft removes it", async () => {
    const { product, ctx } = await setup();
    const d = await saveContractDraft({ ctx, input: { key: product.key, source: "name: x\n" } });
    await saveContractDraft({ ctx, input: { key: product.key, source: "name: y\n", draftId: d.id } });
    expect((await listContractDrafts(product.key)).map((x) => x.sourceYaml)).toEqual(["name: y\n"]);
    const source = JSON.stringify({ name: "F", version: "1.0.0", owner: "t", schema: { fields: [{ name: "a", type: "string" }] }, sla: {}, semantics: { summary: "s" } });
    await publishContractVersion({ ctx, input: { key: product.key, source, draftId: d.id } });
    expect(await listContractDrafts(product.key)).toEqual([]);
    const d2 = await saveContractDraft({ ctx, input: { key: product.key, source: "name: z\n" } });
    await deleteContractDraft({ ctx, input: { key: product.key, draftId: d2.id } });
    expect(await listContractDrafts(product.key)).toEqual([]);
    expect(await db().auditLog.count({ where: { productId: product.id, action: { startsWith: "contract.draft" } } })).toBe(4);
  });

  it("refuses another team's member for every draft write and leaves the drafts alone", async () => {
    const { product, ctx } = await setup();
    const d = await saveContractDraft({ ctx, input: { key: product.key, source: "name: x\n" } });
    const outsider = await createUser();
    await createTeam({ owner: outsider });
    const octx = await userCtx(outsider);
    await expect(saveContractDraft({ ctx: octx, input: { key: product.key, source: "hijack" } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveContractDraft({ ctx: octx, input: { key: product.key, source: "hijack", draftId: d.id } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteContractDraft({ ctx: octx, input: { key: product.key, draftId: d.id } })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listContractDrafts(product.key)).map((x) => x.sourceYaml)).toEqual(["name: x\n"]);
  });

  it("cannot reach a draft of another product through a product the actor owns", async () => {
    const a = await setup();
    const b = await setup();
    const foreign = await saveContractDraft({ ctx: b.ctx, input: { key: b.product.key, source: "name: b\n" } });
    await expect(saveContractDraft({ ctx: a.ctx, input: { key: a.product.key, source: "x", draftId: foreign.id } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteContractDraft({ ctx: a.ctx, input: { key: a.product.key, draftId: foreign.id } })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listContractDrafts(b.product.key)).map((x) => x.sourceYaml)).toEqual(["name: b\n"]);
  });
});
