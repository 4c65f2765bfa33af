import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { ValidationError } from "../../errors";
import { findTeamId } from "../teams/load-team";
import { newTokenSecret } from "./token-secret";
import { SCOPE_NAMES, ZCreateToken, scopeName, tokenSelect } from "./schemas";

/** Creates a team API token; the secret is in the result once and stored only as a hash. */
export async function createToken({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZCreateToken.safeParse(input);
  if (!parsed.success) throw new ValidationError("The token is not valid.", parsed.error.issues);
  const { team, name, scopes, expiresInDays } = parsed.data;
  const teamId = await findTeamId(team);
  requirePermission(ctx, "token.manage", { teamId });
  const secret = newTokenSecret();
  const expiresAt = expiresInDays ? new Date(ctx.now.getTime() + expiresInDays * 86_400_000) : null;
  return getDb().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        teamId,
        name,
        prefix: secret.prefix,
        tokenHash: secret.hash,
        scopes: scopes.map((s) => SCOPE_NAMES[s]),
        expiresAt,
        createdById: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      },
      select: tokenSelect,
    });
    const dto = { ...created, scopes: created.scopes.map(scopeName) };
    await writeAudit(tx, ctx, { action: "token.create", entityType: "ApiToken", entityId: created.id, teamId, after: { name, prefix: secret.prefix, scopes, expiresAt } });
    return { ...dto, team, token: secret.token };
  });
}
