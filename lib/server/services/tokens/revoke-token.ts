import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { NotFoundError, ValidationError } from "../../errors";
import { findTeamId } from "../teams/load-team";
import { ZTokenRef, scopeName, tokenSelect } from "./schemas";
import { forgetToken } from "./authenticate-token";

/** Revokes a team's token at once (the next request with it gets 401). Idempotent. */
export async function revokeToken({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZTokenRef.safeParse(input);
  if (!parsed.success) throw new ValidationError("The token reference is not valid.", parsed.error.issues);
  const { team, tokenId } = parsed.data;
  const teamId = await findTeamId(team);
  requirePermission(ctx, "token.manage", { teamId });
  const result = await getDb().$transaction(async (tx) => {
    const before = await tx.apiToken.findFirst({ where: { id: tokenId, teamId }, select: tokenSelect });
    if (!before) throw new NotFoundError("That token");
    if (before.revokedAt) return { ...before, scopes: before.scopes.map(scopeName) };
    const after = await tx.apiToken.update({ where: { id: before.id }, data: { revokedAt: ctx.now }, select: tokenSelect });
    await writeAudit(tx, ctx, { action: "token.revoke", entityType: "ApiToken", entityId: before.id, teamId, before: { name: before.name, prefix: before.prefix, revokedAt: null }, after: { name: after.name, prefix: after.prefix, revokedAt: after.revokedAt } });
    return { ...after, scopes: after.scopes.map(scopeName) };
  });
  // This process stops accepting it at once; other instances within TOKEN_CACHE_TTL_MS.
  forgetToken(result.id);
  return result;
}
