import { describe, it, expect } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { createProduct } from "@/lib/server/services/products/create-product";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { createTeam, createUser, userCtx } from "./factories";

async function setup() {
  const owner = await createUser();
  const outsider = await createUser();
  const team = await createTeam({ owner });
  await createTeam({ owner: outsider });
  const slug = `dom${Math.random().toString(36).slice(2, 8)}`;
  await getDb().domain.create({ data: { slug, name: slug, teamId: team.id } });
  return { owner, outsider, team, slug };
}

describe("createProduct", () => {
  it("creates a draft product keyed domain.topic.tier, with approval defaulting from the tier, audited", async () => {
    const { owner, slug, team } = await setup();
    const p = await createProduct({ ctx: await userCtx(owner), input: { domain: slug, topic: "order_facts", tier: "GOLD", name: "Order facts", tags: ["orders"], outputPorts: [{ name: "main", kind: "TABLE", location: "analytics.order_facts" }] } });
    expect(p).toMatchObject({ key: `${slug}.order_facts.gold`, lifecycleStatus: "DRAFT", requiresApproval: true });
    const row = await getDb().dataProduct.findUniqueOrThrow({ where: { id: p.id }, include: { outputPorts: true } });
    expect(row.teamId).toBe(team.id);
    expect(row.outputPorts).toHaveLength(1);
    const bronze = await createProduct({ ctx: await userCtx(owner), input: { domain: slug, topic: "order_events", tier: "BRONZE", name: "Events" } });
    expect(bronze.requiresApproval).toBe(false);
    expect(await getDb().auditLog.count({ where: { action: "product.create", teamId: team.id } })).toBe(2);
  });

  it("refuses outsiders, duplicates, unknown domains and bad topics", async () => {
    const { owner, outsider, slug } = await setup();
    const before = await getDb().dataProduct.count();
    await expect(createProduct({ ctx: await userCtx(outsider), input: { domain: slug, topic: "x", tier: "GOLD", name: "X" } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createProduct({ ctx: await userCtx(owner), input: { domain: "nodomain", topic: "x", tier: "GOLD", name: "X" } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createProduct({ ctx: await userCtx(owner), input: { domain: slug, topic: "Bad Topic", tier: "GOLD", name: "X" } })).rejects.toBeInstanceOf(ValidationError);
    expect(await getDb().dataProduct.count()).toBe(before);
    await createProduct({ ctx: await userCtx(owner), input: { domain: slug, topic: "x", tier: "GOLD", name: "X" } });
    await expect(createProduct({ ctx: await userCtx(owner), input: { domain: slug, topic: "x", tier: "GOLD", name: "X" } })).rejects.toBeInstanceOf(ConflictError);
  });
});
