import "server-only";
import { getDb } from "../../db/client";
import { NotFoundError } from "../../errors";
import type { ContractDocument } from "@/lib/domain/contracts/document";
import type { Change } from "@/lib/domain/contracts/change";

/** One version of a product's contract; `current` names the product's current version. */
export async function getContractVersion(key: string, version: string) {
  const db = getDb();
  const product = await db.dataProduct.findUnique({ where: { key }, select: { id: true, key: true, currentVersionId: true } });
  if (!product) throw new NotFoundError(`Data product "${key}"`);
  const where = version === "current" ? { id: product.currentVersionId ?? "" } : { productId: product.id, version };
  const v = await db.contractVersion.findFirst({
    where,
    select: { id: true, version: true, status: true, changeClass: true, changes: true, changelog: true, document: true, sourceFormat: true, sourceYaml: true, publishedAt: true, publishedBy: { select: { name: true } } },
  });
  if (!v) throw new NotFoundError(`Version ${version} of "${key}"`);
  return { ...v, product: product.key, current: v.id === product.currentVersionId, document: v.document as unknown as ContractDocument, changes: v.changes as unknown as Change[] };
}
export type ContractVersionDetail = Awaited<ReturnType<typeof getContractVersion>>;
