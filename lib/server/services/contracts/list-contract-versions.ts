import "server-only";
import { getDb } from "../../db/client";
import { NotFoundError } from "../../errors";

/** Every version of a product, newest first, with what consumers need to read the history. */
export async function listContractVersions(key: string) {
  const p = await getDb().dataProduct.findUnique({
    where: { key },
    select: {
      key: true,
      currentVersionId: true,
      versions: {
        orderBy: [{ major: "desc" }, { minor: "desc" }, { patch: "desc" }],
        select: { id: true, version: true, status: true, changeClass: true, changelog: true, sourceFormat: true, publishedAt: true, deprecatedAt: true, retiredAt: true, publishedBy: { select: { name: true } } },
      },
    },
  });
  if (!p) throw new NotFoundError(`Data product "${key}"`);
  return p.versions.map((v) => ({ ...v, current: v.id === p.currentVersionId }));
}
export type VersionListItem = Awaited<ReturnType<typeof listContractVersions>>[number];
