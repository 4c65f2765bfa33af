import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { NotFoundError } from "../../errors";
import { findTeamId } from "../teams/load-team";
import { ZTeamSlug } from "../teams/schemas";
import { scopeName, tokenSelect } from "./schemas";

/** A team's tokens, newest first, for its owners (names, prefixes, scopes, last use; never secrets). */
export async function listTokens({ ctx, team }: { ctx: Ctx; team: unknown }) {
  const slug = ZTeamSlug.safeParse(team);
  if (!slug.success) throw new NotFoundError("Team");
  const teamId = await findTeamId(slug.data);
  requirePermission(ctx, "token.manage", { teamId });
  const rows = await getDb().apiToken.findMany({ where: { teamId }, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }], select: tokenSelect });
  return rows.map((t) => ({ ...t, scopes: t.scopes.map(scopeName), expired: !!t.expiresAt && t.expiresAt <= ctx.now }));
}
