import "server-only";
import type { Ctx } from "../../auth/context";
import { getDb } from "../../db/client";
import { UnauthenticatedError } from "../../errors";
import { scopeName } from "../tokens/schemas";

/** GET /api/v1/me: who is calling, in API terms. */
export async function describeActor(ctx: Ctx) {
  const a = ctx.actor;
  if (a.kind === "user") {
    return { kind: "user" as const, user: { email: a.email, name: a.name, isPlatformAdmin: a.isPlatformAdmin, teams: a.memberships.map((m) => ({ slug: m.teamSlug, name: m.teamName, role: m.role })) } };
  }
  if (a.kind === "token") {
    const t = await getDb().apiToken.findUnique({ where: { id: a.tokenId }, select: { name: true, team: { select: { slug: true } } } });
    return { kind: "token" as const, token: { name: t?.name ?? a.label, team: t?.team.slug ?? "", scopes: a.scopes.map(scopeName) } };
  }
  throw new UnauthenticatedError();
}
