// The search document is kept current by triggers in the transaction of every change: product
// writes, contract publishes, domain and team renames; and new words join the typo vocabulary.
import { describe, it, expect } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { searchProducts } from "@/lib/server/services/search/search-products";
import { updateProduct } from "@/lib/server/services/products/update-product";
import { publishContractVersion } from "@/lib/server/services/contracts/publish-contract-version";
import { toContractYaml } from "@/lib/domain/contracts/yaml";
import { ZContractDocument } from "@/lib/domain/contracts/document";
import { makeProduct, searchWorld, systemCtx, uid } from "./search-fixtures";

const keys = async (q: string, extra: Record<string, string> = {}) =>
  (await searchProducts({ ctx: systemCtx(), input: new URLSearchParams({ q, ...extra }) })).items.map((i) => i.key);

const matches = async (productId: string, query: string) => {
  const rows = await getDb().$queryRaw<{ ok: boolean }[]>`SELECT "searchVector" @@ websearch_to_tsquery('tessera_search', ${query}) AS ok FROM "DataProduct" WHERE id = ${productId}`;
  return rows[0]!.ok;
};

describe("the search document", () => {
  it("covers name, key, topic, description, domain, owner team and tags from the first insert", async () => {
    const w = await searchWorld("Quokka Analytics");
    const d = `wombat${uid()}`;
    const p = await makeProduct(w.team.id, { domain: d, topic: "pangolin_facts", name: "Numbat ledger", description: "Every axolotl transfer", tags: ["narwhal"] });
    for (const q of ["numbat ledger", d, "pangolin", "pangolin facts", "axolotl", "quokka", "narwhal", p.key]) {
      expect(await keys(q), q).toContain(p.key);
    }
  });

  it("follows a product update made through the service, in its transaction", async () => {
    const w = await searchWorld();
    const p = await makeProduct(w.team.id, { domain: `d${uid()}`, topic: "lemur_events", name: "Lemur events" });
    await updateProduct({ ctx: w.ctx, input: { key: p.key, name: "Capybara feed", tags: ["okapi"], description: "Tapir sightings" } });
    expect(await keys("capybara")).toContain(p.key);
    expect(await keys("okapi")).toContain(p.key);
    expect(await keys("tapir sightings")).toContain(p.key);
    expect(await matches(p.id, "lemur events")).toBe(true); // the topic and key still say lemur
    expect(await matches(p.id, "\"lemur events\" capybara")).toBe(true);
  });

  it("never lets a phrase span two parts of the document (name and topic, two tags)", async () => {
    const w = await searchWorld();
    const p = await makeProduct(w.team.id, { domain: `d${uid()}`, topic: "heron_counts", name: "Marsh egret", tags: ["kestrel", "osprey"] });
    expect(await matches(p.id, "\"marsh egret\"")).toBe(true);
    expect(await matches(p.id, "\"heron counts\"")).toBe(true);
    expect(await matches(p.id, "\"egret heron\"")).toBe(false); // end of the name, start of the topic
    expect(await matches(p.id, "\"kestrel osprey\"")).toBe(false); // two tags
  });

  it("is written inside the transaction that changes the product, and rolled back with it", async () => {
    const w = await searchWorld();
    const p = await makeProduct(w.team.id, { domain: `d${uid()}`, topic: "gecko_facts", name: "Gecko facts" });
    await expect(
      getDb().$transaction(async (tx) => {
        await tx.dataProduct.update({ where: { id: p.id }, data: { name: "Salamander facts" } });
        const inside = await tx.$queryRaw<{ ok: boolean }[]>`SELECT "searchVector" @@ to_tsquery('tessera_search', 'salamander') AS ok FROM "DataProduct" WHERE id = ${p.id}`;
        expect(inside[0]!.ok).toBe(true); // visible to the transaction itself, before commit
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await matches(p.id, "salamander")).toBe(false);
    expect(await matches(p.id, "gecko")).toBe(true);
  });

  it("includes the field names and descriptions of the current contract after a publish", async () => {
    const w = await searchWorld();
    const d = `d${uid()}`;
    const p = await makeProduct(w.team.id, { domain: d, topic: "ibis_facts", tier: "SILVER", status: "DRAFT" });
    expect(await keys("flamingo_count")).not.toContain(p.key);
    const doc = ZContractDocument.parse({
      name: "Ibis facts",
      version: "1.0.0",
      owner: "x",
      product: p.key,
      schema: { fields: [{ name: "flamingo_count", type: "integer", required: true, description: "Birds seen at the heron lake" }] },
      sla: { freshness: { maxAgeMinutes: 60 }, completeness: { minPercent: 99.5 }, lateArrival: { windowMinutes: 120 } },
      semantics: { summary: "Birds" },
    });
    await publishContractVersion({ ctx: w.ctx, input: { key: p.key, source: toContractYaml(doc) } });
    expect(await keys("flamingo_count")).toContain(p.key);
    expect(await keys("heron lake")).toContain(p.key);
    expect(await keys('"flamingo count"')).toContain(p.key);
  });

  it("follows renames of the domain and of the owner team", async () => {
    const w = await searchWorld();
    const d = `d${uid()}`;
    const p = await makeProduct(w.team.id, { domain: d, topic: "kiwi_facts" });
    await getDb().domain.update({ where: { slug: d }, data: { name: "Marmoset commerce" } });
    await getDb().team.update({ where: { id: w.team.id }, data: { name: "Tamarin squad" } });
    expect(await keys("marmoset")).toContain(p.key);
    expect(await keys("tamarin")).toContain(p.key);
  });

  it("teaches typo correction new words (name, topic, fields) as they are written", async () => {
    const w = await searchWorld();
    const p = await makeProduct(w.team.id, { domain: `d${uid()}`, topic: "chinchilla_ledger", fields: [["quetzal_amount", "Value in quetzales"]] });
    const terms = await getDb().searchTerm.findMany({ where: { term: { in: ["chinchilla", "quetzal"] } }, select: { term: true } });
    expect(new Set(terms.map((t) => t.term))).toEqual(new Set(["chinchilla", "quetzal"]));
    expect(await keys("chinchila")).toContain(p.key); // one letter missing
    expect(await keys("quetzl amount")).toContain(p.key);
  });
});
