import { describe, it, expect } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { declareDependency } from "@/lib/server/services/topology/declare-dependency";
import { removeDependency } from "@/lib/server/services/topology/remove-dependency";
import { getImpact } from "@/lib/server/services/topology/get-impact";
import { getTopology } from "@/lib/server/services/topology/get-topology";
import { getSloHistory } from "@/lib/server/services/slo/get-slo-history";
import { ConflictError, ForbiddenError, NotFoundError, PolicyViolation, ValidationError } from "@/lib/server/errors";
import { createProduct, createTeam, createUser, userCtx } from "./factories";

async function world() {
  const owner = await createUser();
  const team = await createTeam({ owner });
  const domain = `d${Math.random().toString(36).slice(2, 8)}`;
  const bronze = await createProduct({ team, domainSlug: domain, topic: "raw", tier: "BRONZE" });
  const silver = await createProduct({ team, domainSlug: domain, topic: "stock", tier: "SILVER" });
  const gold = await createProduct({ team, domainSlug: domain, topic: "stock", tier: "GOLD" });
  const otherOwner = await createUser();
  const otherTeam = await createTeam({ owner: otherOwner });
  const foreignGold = await createProduct({ team: otherTeam, topic: "report", tier: "GOLD" });
  const foreignSilver = await createProduct({ team: otherTeam, domainSlug: foreignGold.key.split(".")[0], topic: "report", tier: "SILVER" });
  return { owner, team, bronze, silver, gold, otherOwner, otherTeam, foreignGold, foreignSilver, ctx: await userCtx(owner), otherCtx: await userCtx(otherOwner) };
}

describe("declaring dependencies", () => {
  it("records a HARD edge with an audit row, refuses duplicates, and lets the owner remove it", async () => {
    const w = await world();
    const dep = await declareDependency({ ctx: w.ctx, input: { product: w.gold.key, upstreamProduct: w.silver.key, kind: "HARD" } });
    expect(dep).toMatchObject({ kind: "HARD", origin: "DECLARED", upstream: w.silver.key });
    await expect(declareDependency({ ctx: w.ctx, input: { product: w.gold.key, upstreamProduct: w.silver.key } })).rejects.toBeInstanceOf(ConflictError);
    await expect(removeDependency({ ctx: w.otherCtx, input: { product: w.gold.key, dependencyId: dep.id } })).rejects.toBeInstanceOf(ForbiddenError);
    await removeDependency({ ctx: w.ctx, input: { product: w.gold.key, dependencyId: dep.id } });
    expect(await getDb().dependency.count({ where: { id: dep.id } })).toBe(0);
    expect(await getDb().auditLog.count({ where: { productId: w.gold.id, action: { in: ["dependency.declare", "dependency.remove"] } } })).toBe(2);
  });

  it("applies the tier rules: GOLD never reads BRONZE; across domains only GOLD", async () => {
    const w = await world();
    const r1 = declareDependency({ ctx: w.ctx, input: { product: w.gold.key, upstreamProduct: w.bronze.key } });
    await expect(r1).rejects.toBeInstanceOf(PolicyViolation);
    await expect(declareDependency({ ctx: w.ctx, input: { product: w.gold.key, upstreamProduct: w.bronze.key } })).rejects.toMatchObject({ violations: [{ rule: "tier.same-domain-order" }] });
    await expect(declareDependency({ ctx: w.ctx, input: { product: w.gold.key, upstreamProduct: w.foreignSilver.key } })).rejects.toMatchObject({ violations: [{ rule: "tier.cross-domain-gold-only" }] });
    await declareDependency({ ctx: w.ctx, input: { product: w.gold.key, upstreamProduct: w.foreignGold.key, kind: "SOFT" } });
  });

  it("refuses a cycle with the path explained", async () => {
    const w = await world();
    await declareDependency({ ctx: w.ctx, input: { product: w.gold.key, upstreamProduct: w.silver.key } });
    const g2 = await createProduct({ team: w.team, domainSlug: w.gold.key.split(".")[0], topic: "avail", tier: "GOLD" });
    await declareDependency({ ctx: w.ctx, input: { product: g2.key, upstreamProduct: w.gold.key } });
    await expect(declareDependency({ ctx: w.ctx, input: { product: w.gold.key, upstreamProduct: g2.key } })).rejects.toMatchObject({ violations: [{ rule: "topology.no-cycles" }] });
  });

  it("refuses a non-owner and an unknown upstream", async () => {
    const w = await world();
    await expect(declareDependency({ ctx: w.otherCtx, input: { product: w.gold.key, upstreamProduct: w.silver.key } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(declareDependency({ ctx: w.ctx, input: { product: w.gold.key, upstreamProduct: "nope.nope.gold" } })).rejects.toBeInstanceOf(NotFoundError);
    expect(await getDb().dependency.count({ where: { downstreamId: w.gold.id } })).toBe(0);
  });

  it("warns when a product promises fresher data than its HARD upstream", async () => {
    const w = await world();
    await getDb().slo.createMany({ data: [{ productId: w.silver.id, objective: "FRESHNESS", threshold: 120 }, { productId: w.gold.id, objective: "FRESHNESS", threshold: 30 }] });
    await declareDependency({ ctx: w.ctx, input: { product: w.gold.key, upstreamProduct: w.silver.key } });
    const t = await getTopology(w.ctx, w.gold.key);
    expect(t.feasibility).toEqual([expect.objectContaining({ objective: "FRESHNESS", upstream: w.silver.key })]);
    expect(t.upstream.map((u) => u.other.key)).toEqual([w.silver.key]);
    expect(t.graph.nodes.map((n) => n.key).sort()).toEqual([w.gold.key, w.silver.key].sort());
    // The SLO page shows the same warning; a SOFT upstream promising less is no warning.
    await getDb().slo.create({ data: { productId: w.foreignGold.id, objective: "FRESHNESS", threshold: 600 } });
    await declareDependency({ ctx: w.ctx, input: { product: w.gold.key, upstreamProduct: w.foreignGold.key, kind: "SOFT" } });
    const h = await getSloHistory(w.ctx, w.gold.key, 30);
    expect(h.feasibility).toEqual([{ objective: "FRESHNESS", upstream: w.silver.key, message: expect.stringContaining("only promises 120 minutes") }]);
    expect((await getSloHistory(w.ctx, w.silver.key, 30)).feasibility).toEqual([]);
  });
});

describe("impact analysis", () => {
  it("lists every downstream product and subscribing team transitively, with the path", async () => {
    const w = await world();
    await declareDependency({ ctx: w.ctx, input: { product: w.gold.key, upstreamProduct: w.silver.key } });
    const report = await createProduct({ team: w.otherTeam, topic: "weekly", tier: "GOLD" });
    await getDb().dependency.create({ data: { downstreamId: report.id, upstreamProductId: w.gold.id, kind: "SOFT", origin: "SUBSCRIPTION" } });
    const consumer = await createTeam();
    await getDb().subscription.createMany({ data: [
      { productId: w.gold.id, consumerTeamId: w.otherTeam.id, consumingProductId: report.id, pinRange: "^1.0", purpose: "weekly report", status: "ACTIVE" },
      { productId: report.id, consumerTeamId: consumer.id, pinRange: "^1.0", purpose: "exec deck", status: "ACTIVE" },
      { productId: report.id, consumerTeamId: w.team.id, pinRange: "^1.0", purpose: "gone", status: "WITHDRAWN" },
    ] });
    const r = await getImpact(w.ctx, w.silver.key);
    expect(r.products.map((p) => [p.key, p.path, p.kinds])).toEqual([
      [w.gold.key, [w.silver.key, w.gold.key], ["HARD"]],
      [report.key, [w.silver.key, w.gold.key, report.key], ["HARD", "SOFT"]],
    ]);
    expect(r.teams.map((t) => [t.slug, t.via])).toEqual([[w.otherTeam.slug, [w.gold.key]], [consumer.slug, [report.key]]]);
    expect((await getImpact(w.ctx, report.key)).products).toEqual([]);
  });
});

describe("the in-memory topology and its version", () => {
  const version = async () => (await getDb().topologyVersion.findUniqueOrThrow({ where: { id: 1 } })).version;

  it("moves once per transaction that changes the graph, whoever writes it, and the impact answer follows", async () => {
    const w = await world();
    const db = getDb();
    expect((await getImpact(w.ctx, w.silver.key)).totals.products).toBe(0);
    const v0 = await version();
    // A write no service made (the triggers see it anyway), two rows in one transaction: one bump.
    await db.$transaction([
      db.dependency.create({ data: { downstreamId: w.gold.id, upstreamProductId: w.silver.id, kind: "HARD" } }),
      db.dependency.create({ data: { downstreamId: w.foreignGold.id, upstreamProductId: w.gold.id, kind: "SOFT" } }),
    ]);
    expect(await version()).toBe(v0 + BigInt(1));
    expect((await getImpact(w.ctx, w.silver.key)).products.map((p) => p.key)).toEqual([w.gold.key, w.foreignGold.key]);
    // Changes the answer does not show leave it alone; a status or a team contact moves it.
    await db.dataProduct.update({ where: { id: w.gold.id }, data: { description: "edited" } });
    await db.dataProduct.update({ where: { id: w.gold.id }, data: { sloStatus: "UNKNOWN" } });
    expect(await version()).toBe(v0 + BigInt(1));
    await db.dataProduct.update({ where: { id: w.gold.id }, data: { sloStatus: "RED" } });
    expect(await version()).toBe(v0 + BigInt(2));
    expect((await getImpact(w.ctx, w.silver.key)).products[0]).toMatchObject({ key: w.gold.key, sloStatus: "RED" });
    await db.team.update({ where: { id: w.otherTeam.id }, data: { onCallHandle: "@night-shift" } });
    expect(await version()).toBe(v0 + BigInt(3));
    const consumer = await createTeam();
    await db.subscription.create({ data: { productId: w.foreignGold.id, consumerTeamId: consumer.id, pinRange: "^1.0", purpose: "p", status: "ACTIVE" } });
    expect((await getImpact(w.ctx, w.silver.key)).teams.map((t) => t.slug)).toEqual([consumer.slug]);
    await db.subscription.updateMany({ where: { consumerTeamId: consumer.id }, data: { status: "WITHDRAWN" } });
    expect((await getImpact(w.ctx, w.silver.key)).teams).toEqual([]);
  });

  it("pages the downstream products by depth then key, with totals and a per-owner-team summary", async () => {
    const w = await world();
    const db = getDb();
    const domain = w.gold.key.split(".")[0];
    const leaves = [];
    for (const topic of ["e", "c", "a", "d", "b"]) leaves.push(await createProduct({ team: w.otherTeam, domainSlug: domain, topic, tier: "GOLD" }));
    await db.dependency.createMany({ data: [
      { downstreamId: w.gold.id, upstreamProductId: w.silver.id, kind: "HARD" },
      ...leaves.map((l, i) => ({ downstreamId: l.id, upstreamProductId: w.gold.id, kind: i % 2 ? ("SOFT" as const) : ("HARD" as const) })),
    ] });
    const first = await getImpact(w.ctx, w.silver.key, { limit: 2 });
    expect(first.totals).toMatchObject({ products: 6, hardOnly: 4 });
    expect(first.byTeam).toEqual([{ team: w.otherTeam.slug, name: expect.any(String), products: 5, hardOnly: 3 }, { team: w.team.slug, name: expect.any(String), products: 1, hardOnly: 1 }]);
    const seen = first.products.map((p) => p.key);
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await getImpact(w.ctx, w.silver.key, { limit: 2, cursor });
      expect(next.totals.products).toBe(6);
      seen.push(...next.products.map((p) => p.key));
      cursor = next.nextCursor;
    }
    expect(seen).toEqual([w.gold.key, ...leaves.map((l) => l.key).sort()]);
    expect((await getImpact(w.ctx, w.silver.key, { limit: 6 })).nextCursor).toBeNull();
    await expect(getImpact(w.ctx, w.silver.key, { cursor: "not-a-cursor" })).rejects.toBeInstanceOf(ValidationError);
    await expect(getImpact(w.ctx, w.silver.key, { limit: 0 })).rejects.toBeInstanceOf(ValidationError);
  });
});
