// Test data factories: each test creates its own teams, users and products (no shared fixtures).
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/server/db/client";
import { makeCtx, type Actor, type Ctx } from "@/lib/server/auth/context";
import { loadSessionActor } from "@/lib/server/services/auth/load-session-actor";

const uid = () => randomUUID().slice(0, 8);

export async function createUser(opts: { email?: string; name?: string; admin?: boolean; passwordHash?: string } = {}) {
  return getDb().user.create({
    data: { email: opts.email ?? `u-${uid()}@test.local`, name: opts.name ?? "Test User", isPlatformAdmin: opts.admin ?? false, passwordHash: opts.passwordHash },
  });
}

export async function createTeam(opts: { slug?: string; owner?: { id: string }; members?: { id: string }[] } = {}) {
  const slug = opts.slug ?? `team-${uid()}`;
  return getDb().team.create({
    data: {
      slug,
      name: `Team ${slug}`,
      memberships: {
        create: [
          ...(opts.owner ? [{ userId: opts.owner.id, role: "OWNER" as const }] : []),
          ...(opts.members ?? []).map((m) => ({ userId: m.id, role: "MEMBER" as const })),
        ],
      },
    },
  });
}

export async function createProduct(opts: { team: { id: string }; domainSlug?: string; topic?: string; tier?: "BRONZE" | "SILVER" | "GOLD" }) {
  const db = getDb();
  const domainSlug = opts.domainSlug ?? `d${uid()}`.replace(/-/g, "");
  const domain = await db.domain.upsert({ where: { slug: domainSlug }, update: {}, create: { slug: domainSlug, name: domainSlug, teamId: opts.team.id } });
  const topic = opts.topic ?? "facts";
  const tier = opts.tier ?? "GOLD";
  return db.dataProduct.create({
    data: { key: `${domainSlug}.${topic}.${tier.toLowerCase()}`, domainId: domain.id, teamId: opts.team.id, topic, tier, name: `${topic} ${tier}`, lifecycleStatus: "ACTIVE" },
  });
}

/** A request context for a user, with memberships loaded the way a real session loads them. */
export async function userCtx(user: { id: string }, now?: Date): Promise<Ctx> {
  const session = await getDb().userSession.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 3600_000) } });
  const actor = await loadSessionActor(session.id);
  if (!actor) throw new Error("test session did not load");
  return makeCtx(actor, { now });
}

export function tokenCtx(teamId: string, scopes: Extract<Actor, { kind: "token" }>["scopes"]): Ctx {
  return makeCtx({ kind: "token", tokenId: `tok-${uid()}`, teamId, scopes, label: "test token" });
}
