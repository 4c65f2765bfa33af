import { describe, it, expect } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { revokeToken } from "@/lib/server/services/tokens/revoke-token";
import { listTokens } from "@/lib/server/services/tokens/list-tokens";
import { authenticateToken } from "@/lib/server/services/tokens/authenticate-token";
import { hashToken } from "@/lib/server/services/tokens/token-secret";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { createTeam, createUser, tokenCtx, userCtx } from "./factories";

async function setup() {
  const owner = await createUser();
  const member = await createUser();
  const team = await createTeam({ owner, members: [member] });
  return { owner, member, team, ctx: await userCtx(owner) };
}

describe("API tokens", () => {
  it("creates a scoped token whose secret is returned once and stored only as a hash", async () => {
    const { team, ctx } = await setup();
    const r = await createToken({ ctx, input: { team: team.slug, name: "orders-ci", scopes: ["read", "contracts:write", "read"], expiresInDays: 30 } });
    expect(r.token).toMatch(/^tsr_[0-9a-f]{8}_[A-Za-z0-9_-]{20,64}$/);
    expect(r.scopes).toEqual(["read", "contracts:write"]);
    const row = await getDb().apiToken.findUniqueOrThrow({ where: { id: r.id } });
    expect(row.tokenHash).toBe(hashToken(r.token));
    expect(JSON.stringify(row)).not.toContain(r.token.slice("tsr_12345678_".length));
    expect(row.expiresAt!.getTime() - ctx.now.getTime()).toBe(30 * 86_400_000);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { entityId: r.id } });
    expect(audit).toMatchObject({ action: "token.create", teamId: team.id, requestId: ctx.requestId });
    expect(JSON.stringify({ ...audit, id: String(audit.id) })).not.toContain(r.token);
    const listed = await listTokens({ ctx, team: team.slug });
    expect(listed).toHaveLength(1);
    expect(listed[0]).not.toHaveProperty("tokenHash");
    expect(listed[0]).not.toHaveProperty("token");
  });

  it("authenticates to the token's team and scopes, records last use, and stops at revocation or expiry", async () => {
    const { team, ctx } = await setup();
    const r = await createToken({ ctx, input: { team: team.slug, name: "ci", scopes: ["measurements:write"] } });
    const actor = await authenticateToken(r.token);
    expect(actor).toMatchObject({ kind: "token", teamId: team.id, scopes: ["MEASUREMENTS_WRITE"] });
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id: r.id } })).lastUsedAt).not.toBeNull();
    expect(await authenticateToken(r.token.slice(0, -1) + (r.token.endsWith("A") ? "B" : "A"))).toBeNull();
    await revokeToken({ ctx, input: { team: team.slug, tokenId: r.id } });
    expect(await authenticateToken(r.token)).toBeNull();
    // Idempotent: revoking again neither fails nor writes a second audit row.
    await revokeToken({ ctx, input: { team: team.slug, tokenId: r.id } });
    expect(await getDb().auditLog.count({ where: { entityId: r.id, action: "token.revoke" } })).toBe(1);

    const short = await createToken({ ctx, input: { team: team.slug, name: "short", scopes: ["read"], expiresInDays: 1 } });
    expect(await authenticateToken(short.token, new Date(Date.now() + 2 * 86_400_000))).toBeNull();
    expect(await authenticateToken(short.token)).not.toBeNull();
  });

  it("is for owners only: members, outsiders and tokens themselves are refused", async () => {
    const { team, member, ctx } = await setup();
    const outsider = await createUser();
    await createTeam({ owner: outsider });
    const t = await createToken({ ctx, input: { team: team.slug, name: "ci", scopes: ["read"] } });
    for (const c of [await userCtx(member), await userCtx(outsider), tokenCtx(team.id, ["READ", "CONTRACTS_WRITE", "MEASUREMENTS_WRITE", "SUBSCRIPTIONS_WRITE", "LINEAGE_WRITE"])]) {
      await expect(createToken({ ctx: c, input: { team: team.slug, name: "x", scopes: ["read"] } })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(revokeToken({ ctx: c, input: { team: team.slug, tokenId: t.id } })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listTokens({ ctx: c, team: team.slug })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await getDb().apiToken.count({ where: { teamId: team.id } })).toBe(1);
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id: t.id } })).revokedAt).toBeNull();
  });

  it("cannot revoke another team's token even when naming one's own team", async () => {
    const { team, ctx } = await setup();
    const other = await setup();
    const theirs = await createToken({ ctx: other.ctx, input: { team: other.team.slug, name: "theirs", scopes: ["read"] } });
    await expect(revokeToken({ ctx, input: { team: team.slug, tokenId: theirs.id } })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id: theirs.id } })).revokedAt).toBeNull();
  });

  it("rejects unknown scopes, empty scope lists and silly expiries", async () => {
    const { team, ctx } = await setup();
    for (const input of [
      { team: team.slug, name: "x", scopes: ["admin"] },
      { team: team.slug, name: "x", scopes: [] },
      { team: team.slug, name: "x", scopes: ["read"], expiresInDays: 0 },
      { team: team.slug, name: "x", scopes: ["read"], expiresInDays: 99999 },
      { team: team.slug, name: "", scopes: ["read"] },
      { team: team.slug, name: "x", scopes: ["read"], teamId: "smuggled" },
    ]) {
      await expect(createToken({ ctx, input })).rejects.toBeInstanceOf(ValidationError);
    }
    expect(await getDb().apiToken.count({ where: { teamId: team.id } })).toBe(0);
  });
});
