import "server-only";
import { getDb } from "../../db/client";

/** Drafts of a product, newest first (shown to the owner team on the publish tab). */
export async function listContractDrafts(key: string) {
  return getDb().contractDraft.findMany({
    where: { product: { key } },
    orderBy: { updatedAt: "desc" },
    select: { id: true, sourceYaml: true, updatedAt: true, author: { select: { name: true } } },
  });
}
