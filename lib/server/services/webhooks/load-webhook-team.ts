import "server-only";
import type { Tx } from "../../db/client";
import { NotFoundError } from "../../errors";

export async function loadTeamBySlug(tx: Tx, slug: string) {
  const t = await tx.team.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!t) throw new NotFoundError(`Team "${slug}"`);
  return t;
}
