import { describe, it, expect } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { updateProduct } from "@/lib/server/services/products/update-product";
import { ForbiddenError, ValidationError, NotFoundError } from "@/lib/server/errors";
import { createProduct, createTeam, createUser, userCtx } from "./factories";

async function setup() {
  const owner = await createUser();
  const outsider = await createUser();
  const team = await createTeam({ owner });
  await createTeam({ owner: outsider });
  const product = await createProduct({ team });
  return { owner, outsider, team, product };
}

describe("updateProduct", () => {
  it("lets a member of the owner team change the product and audits it in the same transaction", async () => {
    const { owner, product } = await setup();
    const ctx = await userCtx(owner);
    const r = await updateProduct({ ctx, input: { key: product.key, description: "Every placed order", tags: ["orders", "finance"] } });
    expect(r.description).toBe("Every placed order");
    const audit = await getDb().auditLog.findMany({ where: { entityId: product.id, action: "product.update" } });
    expect(audit).toHaveLength(1);
    expect(audit[0].requestId).toBe(ctx.requestId);
    expect((audit[0].after as { tags: string[] }).tags).toEqual(["orders", "finance"]);
  });

  it("refuses a user of another team and changes nothing", async () => {
    const { outsider, product } = await setup();
    const before = await getDb().dataProduct.findUniqueOrThrow({ where: { id: product.id } });
    await expect(updateProduct({ ctx: await userCtx(outsider), input: { key: product.key, description: "hijacked" } })).rejects.toBeInstanceOf(ForbiddenError);
    const after = await getDb().dataProduct.findUniqueOrThrow({ where: { id: product.id } });
    expect(after.description).toBe(before.description);
    expect(await getDb().auditLog.count({ where: { entityId: product.id } })).toBe(0);
  });

  it("refuses a user with no team at all", async () => {
    const { product } = await setup();
    const loner = await createUser();
    await expect(updateProduct({ ctx: await userCtx(loner), input: { key: product.key, name: "x" } })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("lets a platform admin act on any product", async () => {
    const { product } = await setup();
    const admin = await createUser({ admin: true });
    const r = await updateProduct({ ctx: await userCtx(admin), input: { key: product.key, name: "Renamed by admin" } });
    expect(r.name).toBe("Renamed by admin");
  });

  it("rejects bad input with a validation error before touching the database", async () => {
    const { owner, product } = await setup();
    const ctx = await userCtx(owner);
    await expect(updateProduct({ ctx, input: { key: product.key, tags: ["Not A Tag!"] } })).rejects.toBeInstanceOf(ValidationError);
    await expect(updateProduct({ ctx, input: { key: product.key, name: "" } })).rejects.toBeInstanceOf(ValidationError);
    await expect(updateProduct({ ctx, input: { key: "nope.nope.gold", name: "x" } })).rejects.toBeInstanceOf(NotFoundError);
  });
});
