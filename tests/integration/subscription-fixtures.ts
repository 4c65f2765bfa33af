// A small two-team world for subscription tests: an owner team with a GOLD and a SILVER product
// carrying versions 2.0.0, 2.1.0 (and optionally 3.0.0 without `legacy`), and a consumer team.
import semver from "semver";
import { getDb } from "@/lib/server/db/client";
import { flattenFields } from "@/lib/domain/contracts/flatten";
import { toContractYaml } from "@/lib/domain/contracts/yaml";
import type { ContractDocument } from "@/lib/domain/contracts/document";
import { createProduct, createTeam, createUser, userCtx } from "./factories";

export function doc(version: string, fields: string[]): ContractDocument {
  return {
    name: "Facts",
    version,
    owner: "owners",
    schema: { fields: fields.map((name) => ({ name, type: "string", required: name === "id" })) },
    sla: { freshness: { maxAgeMinutes: 60, target: 99, windowDays: 28 } },
    semantics: { summary: "Test facts", fields: {}, rules: [] },
  };
}

/** Stores a published version row the way publishing does (fields flattened, current pointer moved). */
export async function addVersion(productId: string, version: string, fields: string[], status: "PUBLISHED" | "DEPRECATED" | "RETIRED" = "PUBLISHED") {
  const db = getDb();
  const d = doc(version, fields);
  const v = await db.contractVersion.create({
    data: {
      productId,
      version,
      major: semver.major(version),
      minor: semver.minor(version),
      patch: semver.patch(version),
      status,
      owner: d.owner,
      sla: d.sla,
      semantics: d.semantics,
      document: d,
      sourceYaml: toContractYaml(d),
      fields: { create: flattenFields(d).map((f) => ({ position: f.position, path: f.path, name: f.name, type: f.type, required: f.required, description: f.description, tags: f.tags, pii: f.pii, mask: f.mask ?? null, enumValues: f.enumValues })) },
    },
  });
  if (status !== "RETIRED") await db.dataProduct.update({ where: { id: productId }, data: { currentVersionId: v.id } });
  return v;
}

export async function world(opts: { approval?: boolean; withMajor3?: boolean } = {}) {
  const owner = await createUser();
  const ownerMember = await createUser();
  const consumer = await createUser();
  const outsider = await createUser();
  const ownerTeam = await createTeam({ owner, members: [ownerMember] });
  const consumerTeam = await createTeam({ members: [consumer] });
  await createTeam({ owner: outsider });
  const gold = await createProduct({ team: ownerTeam, topic: "facts", tier: "GOLD" });
  const silver = await createProduct({ team: ownerTeam, domainSlug: gold.key.split(".")[0], topic: "facts", tier: "SILVER" });
  if (opts.approval) await getDb().dataProduct.update({ where: { id: gold.id }, data: { requiresApproval: true } });
  await addVersion(gold.id, "2.0.0", ["id", "amount", "note"]);
  await addVersion(gold.id, "2.1.0", ["id", "amount", "note", "channel"]);
  if (opts.withMajor3) await addVersion(gold.id, "3.0.0", ["id", "amount", "channel"]);
  await addVersion(silver.id, "1.0.0", ["id"]);
  const consumerProductGold = await createProduct({ team: consumerTeam, topic: "mart", tier: "GOLD" });
  return {
    owner, ownerMember, consumer, outsider, ownerTeam, consumerTeam, gold, silver, consumerProductGold,
    ctx: { owner: await userCtx(owner), ownerMember: await userCtx(ownerMember), consumer: await userCtx(consumer), outsider: await userCtx(outsider) },
  };
}

/** A context acting as a real (stored) API token of the team. */
export async function storedTokenCtx(teamId: string, scopes: ("READ" | "SUBSCRIPTIONS_WRITE" | "CONTRACTS_WRITE")[]) {
  const { makeCtx } = await import("@/lib/server/auth/context");
  const t = await getDb().apiToken.create({ data: { teamId, name: "test", prefix: "test", tokenHash: `h-${Math.random()}`, scopes } });
  return makeCtx({ kind: "token", tokenId: t.id, teamId, scopes, label: "test token" });
}
