// Products for the search tests: each file builds its own small catalog (no shared fixtures).
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/server/db/client";
import { makeCtx } from "@/lib/server/auth/context";
import { createTeam, createUser, userCtx } from "./factories";

export const uid = () => randomUUID().slice(0, 6).replace(/-/g, "");

export type Spec = {
  domain: string;
  topic: string;
  tier?: "BRONZE" | "SILVER" | "GOLD";
  name?: string;
  description?: string;
  tags?: string[];
  slo?: "GREEN" | "AMBER" | "RED" | "UNKNOWN";
  status?: "ACTIVE" | "DEPRECATED" | "DRAFT" | "RETIRED";
  cls?: "OPERATIONAL" | "DECISION_SUPPORT" | "EXPLORATORY";
  subscribers?: number;
  /** Field name and description of the current contract. */
  fields?: [string, string][];
  sunsetInDays?: number;
  teamId?: string;
};

/** A team with a domain-owning owner; products are created in its domains. */
export async function searchWorld(teamName = `Team ${uid()}`) {
  const owner = await createUser();
  const team = await createTeam({ owner });
  await getDb().team.update({ where: { id: team.id }, data: { name: teamName } });
  return { owner, team, ctx: await userCtx(owner) };
}

export async function makeProduct(teamId: string, s: Spec) {
  const db = getDb();
  const domain = await db.domain.upsert({ where: { slug: s.domain }, update: {}, create: { slug: s.domain, name: s.domain[0]!.toUpperCase() + s.domain.slice(1).replace(/_/g, " "), teamId } });
  const tier = s.tier ?? "GOLD";
  const p = await db.dataProduct.create({
    data: {
      key: `${s.domain}.${s.topic}.${tier.toLowerCase()}`,
      domainId: domain.id,
      teamId: s.teamId ?? teamId,
      topic: s.topic,
      tier,
      name: s.name ?? s.topic.replace(/_/g, " "),
      description: s.description ?? "",
      tags: s.tags ?? [],
      sloStatus: s.slo ?? "GREEN",
      lifecycleStatus: s.status ?? "ACTIVE",
      reliabilityClass: s.cls ?? "DECISION_SUPPORT",
      activeSubscriberCount: s.subscribers ?? 0,
    },
  });
  if (s.fields?.length) {
    const v = await db.contractVersion.create({
      data: { productId: p.id, version: "1.0.0", major: 1, minor: 0, patch: 0, owner: "test", sla: {}, semantics: {}, document: {}, sourceYaml: "" },
    });
    await db.contractField.createMany({ data: s.fields.map(([name, description], i) => ({ versionId: v.id, position: i, path: name, name, type: "string", description })) });
    await db.dataProduct.update({ where: { id: p.id }, data: { currentVersionId: v.id } });
  }
  if (s.sunsetInDays !== undefined) {
    await db.deprecationNotice.create({ data: { productId: p.id, reason: "Replaced", sunsetAt: new Date(Date.now() + s.sunsetInDays * 86_400_000) } });
  }
  return p;
}

export const systemCtx = () => makeCtx({ kind: "system", label: "test" });
export const anonymousCtx = () => makeCtx({ kind: "anonymous" });
