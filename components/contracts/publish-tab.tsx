import semver from "semver";
import type { ProductPage } from "@/lib/server/services/catalog/get-product";
import { getContractVersion } from "@/lib/server/services/contracts/get-contract-version";
import { listContractDrafts } from "@/lib/server/services/contracts/list-contract-drafts";
import { ZContractDocument } from "@/lib/domain/contracts/document";
import { toContractYaml } from "@/lib/domain/contracts/yaml";
import { PublishEditor } from "./publish-editor";

const STARTER_SLA = {
  OPERATIONAL: { freshness: { maxAgeMinutes: 15 }, completeness: { minPercent: 99.5 }, accuracy: { minPercent: 99.5 } },
  DECISION_SUPPORT: { freshness: { maxAgeMinutes: 1440 }, completeness: { minPercent: 99 } },
  EXPLORATORY: {},
} as const;

/** A first contract for a product without versions: the minimum its reliability class requires. */
function starter(p: ProductPage): string {
  return toContractYaml(
    ZContractDocument.parse({
      name: p.name,
      version: "1.0.0",
      owner: p.team.slug,
      product: p.key,
      description: p.description || undefined,
      schema: { fields: [{ name: "id", type: "string", required: true, description: "Identifier of the record." }] },
      sla: STARTER_SLA[p.reliabilityClass],
      semantics: { summary: p.description || `${p.name}: describe what one row means in business terms.` },
    }),
  );
}

/** Owners publish here: the editor starts from the current version with the next patch number. */
export async function PublishTab({ p }: { p: ProductPage }) {
  const [drafts, current] = await Promise.all([listContractDrafts(p.key), p.currentVersion ? getContractVersion(p.key, "current") : null]);
  const initial = current ? toContractYaml({ ...current.document, version: semver.inc(current.version, "patch")! }) : starter(p);
  return (
    <div className="space-y-3">
      <p className="max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">
        Paste or upload a contract (native YAML/JSON or ODCS v3), or edit it in the form. The preview diffs it against the previous version, names the bump the
        diff requires and lists every rule it breaks. Published versions never change.
      </p>
      <PublishEditor
        productKey={p.key}
        initialSource={initial}
        drafts={drafts.map((d) => ({ id: d.id, source: d.sourceYaml, updatedAt: d.updatedAt.toISOString(), author: d.author?.name ?? null }))}
      />
    </div>
  );
}
