// Contract versions and their flattened fields as rows; the current version of each product.
import type { Prisma } from "../../lib/server/db/generated/client";
import { buildVersions, currentVersion, type BuiltVersion } from "./build-versions";
import type { Clock } from "./clock";
import { CONTRACT_HISTORIES } from "./contracts";
import { NOTICES } from "./deprecations";
import { newId } from "./ids";
import type { CatalogPlan } from "./plan-catalog";

export type VersionRow = Prisma.ContractVersionCreateManyInput & { id: string };

export type ContractsPlan = {
  versions: VersionRow[];
  fields: Prisma.ContractFieldCreateManyInput[];
  /** Built versions per product key, with their row ids. */
  byProduct: Map<string, (BuiltVersion & { id: string })[]>;
  current: Map<string, BuiltVersion & { id: string }>;
};

export function planContracts(clock: Clock, catalog: CatalogPlan): ContractsPlan {
  const built = buildVersions(CONTRACT_HISTORIES, NOTICES, clock);
  const byProduct = new Map<string, (BuiltVersion & { id: string })[]>();
  const current = new Map<string, BuiltVersion & { id: string }>();
  const versions: VersionRow[] = [];
  const fields: Prisma.ContractFieldCreateManyInput[] = [];
  for (const p of catalog.products) {
    const list = built.get(p.key);
    if (!list) throw new Error(`Seed: product ${p.key} has no contract history`);
    const withIds = list.map((v) => ({ ...v, id: newId() }));
    byProduct.set(p.key, withIds);
    current.set(p.key, currentVersion(withIds) as BuiltVersion & { id: string });
    const publisher = catalog.ownerOf(p.ownerTeam);
    for (const v of withIds) {
      versions.push({
        id: v.id,
        productId: p.id,
        version: v.version,
        major: v.major,
        minor: v.minor,
        patch: v.patch,
        status: v.status,
        owner: v.document.owner,
        sla: v.document.sla,
        semantics: v.document.semantics,
        document: v.document,
        sourceFormat: "NATIVE",
        sourceYaml: v.sourceYaml,
        changeClass: v.changeClass,
        changes: v.changes,
        changelog: v.changelog,
        publishedById: publisher,
        publishedAt: v.publishedAt,
        deprecatedAt: v.deprecatedAt,
        retiredAt: v.retiredAt,
      });
      for (const f of v.fields) {
        fields.push({
          id: newId(),
          versionId: v.id,
          position: f.position,
          path: f.path,
          name: f.name,
          type: f.type,
          required: f.required,
          description: f.description,
          tags: f.tags,
          pii: f.pii,
          mask: f.mask,
          enumValues: f.enumValues,
        });
      }
    }
  }
  for (const key of built.keys()) {
    if (!byProduct.has(key)) throw new Error(`Seed: contract history for unknown product ${key}`);
  }
  return { versions, fields, byProduct, current };
}
