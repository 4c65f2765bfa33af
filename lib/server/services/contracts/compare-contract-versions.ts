import "server-only";
import { diffContracts } from "@/lib/domain/contracts/diff";
import { humanChangelog } from "@/lib/domain/contracts/changelog";
import { toContractYaml } from "@/lib/domain/contracts/yaml";
import { sideBySide } from "@/lib/domain/text/line-diff";
import { getContractVersion } from "./get-contract-version";

/** Any two versions of a product side by side: classified changes and the two canonical documents. */
export async function compareContractVersions(key: string, from: string, to: string) {
  const [a, b] = await Promise.all([getContractVersion(key, from), getContractVersion(key, to)]);
  const diff = diffContracts(a.document, b.document);
  const [left, right] = [toContractYaml(a.document), toContractYaml(b.document)];
  return { from: a.version, to: b.version, ...diff, changelog: humanChangelog(diff.changes), rows: sideBySide(left, right) };
}
export type VersionComparison = Awaited<ReturnType<typeof compareContractVersions>>;
