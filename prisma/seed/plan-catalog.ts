// Teams, users, memberships, domains, source systems, products and output ports, as rows.
import type { Prisma } from "../../lib/server/db/generated/client";
import { productKey } from "../../lib/domain/product-key";
import { DEMO_ACCOUNTS } from "./accounts";
import type { Clock } from "./clock";
import { newId } from "./ids";
import { PRODUCTS, type ProductDef } from "./products";
import { DOMAINS, TEAMS } from "./teams";
import { SOURCES } from "./topology";

export type ProductRow = Prisma.DataProductCreateManyInput & { id: string; key: string; teamId: string; def: ProductDef; ownerTeam: string };

export type CatalogPlan = {
  users: Prisma.UserCreateManyInput[];
  teams: Prisma.TeamCreateManyInput[];
  memberships: Prisma.MembershipCreateManyInput[];
  domains: Prisma.DomainCreateManyInput[];
  sources: Prisma.SourceSystemCreateManyInput[];
  products: ProductRow[];
  ports: Prisma.OutputPortCreateManyInput[];
  teamId: (slug: string) => string;
  userId: (email: string) => string;
  ownerOf: (teamSlug: string) => string;
  product: (key: string) => ProductRow;
  sourceId: (slug: string) => string;
};

function lookup<T>(map: Map<string, T>, what: string) {
  return (key: string): T => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`Seed: unknown ${what} "${key}"`);
    return v;
  };
}

export function planCatalog(clock: Clock, passwordHashes: Map<string, string>): CatalogPlan {
  const teamIds = new Map(TEAMS.map((t) => [t.slug, newId()]));
  const teamId = lookup(teamIds, "team");
  const teams = TEAMS.map((t) => ({
    id: teamId(t.slug),
    slug: t.slug,
    name: t.name,
    description: t.description,
    onCallHandle: t.onCallHandle,
    contactChannel: t.contactChannel,
    createdAt: clock.daysAgo(t.since),
    updatedAt: clock.daysAgo(t.since),
  }));

  const userIds = new Map(DEMO_ACCOUNTS.map((a) => [a.email, newId()]));
  const userId = lookup(userIds, "user");
  const users = DEMO_ACCOUNTS.map((a) => ({
    id: userId(a.email),
    email: a.email,
    name: a.name,
    passwordHash: passwordHashes.get(a.email)!,
    isPlatformAdmin: a.isPlatformAdmin,
    createdAt: clock.daysAgo(a.team ? TEAMS.find((t) => t.slug === a.team)!.since : 440),
  }));
  const memberships = DEMO_ACCOUNTS.filter((a) => a.team).map((a) => ({
    teamId: teamId(a.team!),
    userId: userId(a.email),
    role: a.teamRole!,
    createdAt: clock.daysAgo(TEAMS.find((t) => t.slug === a.team)!.since),
  }));
  const owners = new Map(DEMO_ACCOUNTS.filter((a) => a.teamRole === "OWNER").map((a) => [a.team!, userId(a.email)]));

  const domainIds = new Map(DOMAINS.map((d) => [d.slug, newId()]));
  const domainTeam = new Map(DOMAINS.map((d) => [d.slug, d.team]));
  const domains = DOMAINS.map((d) => ({
    id: domainIds.get(d.slug)!,
    slug: d.slug,
    name: d.name,
    description: d.description,
    glossary: d.glossary,
    teamId: teamId(d.team),
    createdAt: clock.daysAgo(TEAMS.find((t) => t.slug === d.team)!.since),
  }));

  const sourceIds = new Map(SOURCES.map((s) => [s.slug, newId()]));
  const sources = SOURCES.map((s) => ({
    id: sourceIds.get(s.slug)!,
    slug: s.slug,
    name: s.name,
    kind: s.kind,
    description: s.description,
    teamId: s.team ? teamId(s.team) : null,
    createdAt: clock.daysAgo(400),
  }));

  const products = PRODUCTS.map((p): ProductRow => {
    const key = productKey(p.domain, p.topic, p.tier);
    const domainId = domainIds.get(p.domain);
    if (!domainId) throw new Error(`Seed: product ${key} in unknown domain ${p.domain}`);
    return {
      id: newId(),
      key,
      def: p,
      ownerTeam: domainTeam.get(p.domain)!,
      domainId,
      teamId: teamId(domainTeam.get(p.domain)!),
      topic: p.topic,
      tier: p.tier,
      name: p.name,
      description: p.description,
      reliabilityClass: p.reliabilityClass,
      lifecycleStatus: p.lifecycleStatus,
      tags: p.tags,
      requiresApproval: p.requiresApproval ?? false,
    };
  });
  const productMap = new Map(products.map((p) => [p.key, p]));
  if (productMap.size !== products.length) throw new Error("Seed: duplicate product keys");

  const ports = products.flatMap((p) =>
    p.def.ports.map((port) => ({
      id: newId(),
      productId: p.id,
      name: port.name,
      kind: port.kind,
      platform: port.platform,
      namespace: port.namespace,
      location: port.location,
      description: port.description ?? "",
    })),
  );

  return {
    users,
    teams,
    memberships,
    domains,
    sources,
    products,
    ports,
    teamId,
    userId,
    ownerOf: lookup(owners, "team owner"),
    product: lookup(productMap, "product"),
    sourceId: lookup(sourceIds, "source system"),
  };
}
