import "server-only";
import type { Tx } from "../../db/client";
import { NotFoundError } from "../../errors";
import { NOTICE_SELECT } from "./shared";

/** A notice with its product (and the product's owner team). */
export async function loadNotice(tx: Tx, id: string, teamId?: string) {
  const n = await tx.deprecationNotice.findFirst({ where: { id, ...(teamId ? { product: { teamId } } : {}) }, select: NOTICE_SELECT });
  if (!n) throw new NotFoundError("Deprecation notice");
  return n;
}
