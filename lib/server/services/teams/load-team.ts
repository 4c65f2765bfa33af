import "server-only";
import type { Tx } from "../../db/client";
import { getDb } from "../../db/client";
import { NotFoundError } from "../../errors";

/** The team id behind a slug (public information), to authorize against before any change. */
export async function findTeamId(slug: string): Promise<string> {
  const t = await getDb().team.findUnique({ where: { slug }, select: { id: true } });
  if (!t) throw new NotFoundError(`Team "${slug}"`);
  return t.id;
}

/** Locks the team row for the rest of the transaction, so concurrent role changes cannot both
 * remove "the other" owner and leave the team ownerless. */
export async function lockTeam(tx: Tx, teamId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Team" WHERE "id" = ${teamId} FOR UPDATE`;
}

export async function ownerCount(tx: Tx, teamId: string): Promise<number> {
  return tx.membership.count({ where: { teamId, role: "OWNER" } });
}
