import { describe, it, expect } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { listAudit } from "@/lib/server/services/audit/list-audit";
import { updateProduct } from "@/lib/server/services/products/update-product";
import { updateTeam } from "@/lib/server/services/teams/update-team";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { createProduct, createTeam, createUser, userCtx } from "./factories";

async function setup() {
  const owner = await createUser({ email: `owner-${Math.random().toString(36).slice(2, 8)}@test.local` });
  const team = await createTeam({ owner });
  const product = await createProduct({ team });
  const ctx = await userCtx(owner);
  return { owner, team, product, ctx };
}

describe("audit trail", () => {
  it("records every write with actor, before/after, request id, and lists them newest first", async () => {
    const { team, product, ctx, owner } = await setup();
    await updateTeam({ ctx, input: { slug: team.slug, onCallHandle: "@a" } });
    await updateProduct({ ctx, input: { key: product.key, description: "v2" } });
    await createToken({ ctx, input: { team: team.slug, name: "ci", scopes: ["read"] } });
    const page = await listAudit({ ctx, input: { team: team.slug } });
    expect(page.entries.map((e) => e.action)).toEqual(["token.create", "product.update", "team.update"]);
    const p = page.entries[1];
    expect(p).toMatchObject({ actorKind: "user", actorLabel: owner.email, entityType: "DataProduct", product: { key: product.key }, team: { slug: team.slug }, requestId: ctx.requestId });
    expect(p.before).toMatchObject({ description: "" });
    expect(p.after).toMatchObject({ description: "v2" });
  });

  it("filters by product, action prefix, actor, entity type and dates", async () => {
    const { team, product, ctx, owner } = await setup();
    await updateTeam({ ctx, input: { slug: team.slug, onCallHandle: "@b" } });
    await updateProduct({ ctx, input: { key: product.key, name: "Renamed" } });
    const byProduct = await listAudit({ ctx, input: { product: product.key } });
    expect(byProduct.entries.map((e) => e.action)).toEqual(["product.update"]);
    expect((await listAudit({ ctx, input: { team: team.slug, action: "team." } })).entries.map((e) => e.action)).toEqual(["team.update"]);
    expect((await listAudit({ ctx, input: { team: team.slug, actor: owner.email.slice(0, 10).toUpperCase() } })).entries).toHaveLength(2);
    expect((await listAudit({ ctx, input: { team: team.slug, actor: "nobody" } })).entries).toHaveLength(0);
    expect((await listAudit({ ctx, input: { team: team.slug, entityType: "Team" } })).entries).toHaveLength(1);
    const tomorrow = new Date(Date.now() + 864e5).toISOString();
    expect((await listAudit({ ctx, input: { team: team.slug, from: tomorrow } })).entries).toHaveLength(0);
    expect((await listAudit({ ctx, input: { team: team.slug, to: tomorrow } })).entries).toHaveLength(2);
    await expect(listAudit({ ctx, input: { team: team.slug, from: "not a date" } })).rejects.toBeInstanceOf(ValidationError);
    await expect(listAudit({ ctx, input: { action: "'; drop table x" } })).rejects.toBeInstanceOf(ValidationError);
    await expect(listAudit({ ctx, input: { product: "no.such.gold" } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("pages with a cursor, in time order even when ids are not (backfilled rows, equal times)", async () => {
    const { team, ctx } = await setup();
    const t = (d: number) => new Date(Date.UTC(2026, 0, d));
    // Inserted out of time order, two with the same time.
    for (const [day, action] of [[5, "x.e"], [1, "x.a"], [3, "x.c1"], [3, "x.c2"], [2, "x.b"], [4, "x.d"]] as const) {
      await getDb().auditLog.create({ data: { actorLabel: "seed", action, entityType: "Team", entityId: team.id, teamId: team.id, createdAt: t(day) } });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await listAudit({ ctx, input: { team: team.slug, action: "x.", limit: 2, cursor } });
      seen.push(...page.entries.map((e) => e.action));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(["x.e", "x.d", "x.c2", "x.c1", "x.b", "x.a"]);
  });
});
