// Walks the permission map (lib/server/auth/permissions.ts) and proves, for EVERY write service
// registered in lib/server/services/registry.ts, that each actor the map does not grant is refused
// and nothing changed, that the granted actor succeeds, and that the change and its audit row
// commit together (an audit failure rolls the change back). A write permission without a
// registered service fails the test unless it is listed in PENDING below.
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { describe, it, expect, vi } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { ALL_PERMISSIONS, PERMISSIONS, type Permission, type PermissionRule, type TokenScope } from "@/lib/server/auth/permissions";
import { makeCtx, type Ctx } from "@/lib/server/auth/context";
import { WRITE_SERVICES, type WriteService } from "@/lib/server/services/registry";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { listAudit } from "@/lib/server/services/audit/list-audit";
import { getTeam } from "@/lib/server/services/teams/get-team";
import { ForbiddenError, UnauthenticatedError } from "@/lib/server/errors";
import { createProduct, createTeam, createUser, tokenCtx, userCtx } from "./factories";
import { addVersion, doc } from "./subscription-fixtures";
import { toContractYaml } from "@/lib/domain/contracts/yaml";
import { lineageEvent, portFor } from "./lineage-fixtures";

const failAudit = vi.hoisted(() => ({ on: false }));
vi.mock("@/lib/server/audit", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/server/audit")>();
  const { Prisma } = await import("@/lib/server/db/generated/client");
  return {
    ...real,
    writeAudit: async (...args: Parameters<typeof real.writeAudit>) => {
      if (failAudit.on) throw new Error("audit store unavailable (test)");
      return real.writeAudit(...args);
    },
    // The audit row written inside a service's own statement: an INSERT that fails in PostgreSQL.
    auditInsertSql: (...args: Parameters<typeof real.auditInsertSql>) => {
      if (!failAudit.on) return real.auditInsertSql(...args);
      return Prisma.sql`INSERT INTO "AuditLog" ("actorLabel", action, "entityType", "entityId") VALUES ('-', '-', '-', ('audit store unavailable (test)')::int::text)`;
    },
  };
});

/** Read permissions: checked by read services (below), not by writes. */
const READ_PERMISSIONS = new Set<Permission>(["team.read", "audit.read", "audit.read.all"]);

/**
 * Write permissions whose services do not exist yet. Each line says who builds it. When a service
 * for one of these appears (registered, or calling requirePermission with it), this test fails
 * until it is removed from here and given a scenario below.
 */
const PENDING = new Set<Permission>([
  "domain.create", // domain management: not built yet
  "domain.update", // domain management: not built yet
]);

const ALL_SCOPES: TokenScope[] = ["READ", "CONTRACTS_WRITE", "MEASUREMENTS_WRITE", "SUBSCRIPTIONS_WRITE", "LINEAGE_WRITE"];
const uid = () => randomUUID().slice(0, 8);

/** A fresh world per check: team T (owner, two members), another team O, a loner, an admin. */
async function world() {
  const owner = await createUser();
  const member = await createUser();
  const member2 = await createUser();
  const team = await createTeam({ owner, members: [member, member2] });
  const otherOwner = await createUser();
  const otherTeam = await createTeam({ owner: otherOwner });
  const loner = await createUser();
  const admin = await createUser({ admin: true });
  return { owner, member, member2, team, otherOwner, otherTeam, loner, admin };
}
type World = Awaited<ReturnType<typeof world>>;

/** A product of the team with versions 2.0.0 and 3.0.0 (deprecation scenarios). */
async function versionedProduct(teamId: string) {
  const p = await createProduct({ team: { id: teamId } });
  await addVersion(p.id, "2.0.0", ["id"]);
  await addVersion(p.id, "3.0.0", ["id", "x"]);
  return p;
}
/** A subscription of `consumerTeamId` to a versioned product of `ownerTeamId`. */
async function subscription(ownerTeamId: string, consumerTeamId: string, status: "ACTIVE" | "PENDING") {
  const p = await versionedProduct(ownerTeamId);
  return getDb().subscription.create({ data: { productId: p.id, consumerTeamId, pinRange: "2.x", purpose: "reports", status } });
}
async function activeNotice(teamId: string) {
  const p = await versionedProduct(teamId);
  return getDb().deprecationNotice.create({ data: { productId: p.id, targetRange: "2.x", reason: "old", sunsetAt: new Date(Date.now() + 100 * 864e5) } });
}

/** For each registered write service: the input of one write against team T of the world. */
const SCENARIOS: Record<string, (w: World) => Promise<unknown>> = {
  "contracts.publish-contract-version": async (w) => ({ key: (await versionedProduct(w.team.id)).key, source: toContractYaml(doc("3.1.0", ["id", "x", "added_later"])) }),
  "contracts.save-contract-draft": async (w) => ({ key: (await versionedProduct(w.team.id)).key, source: toContractYaml(doc("3.1.0", ["id", "x"])) }),
  "contracts.delete-contract-draft": async (w) => {
    const p = await versionedProduct(w.team.id);
    const d = await getDb().contractDraft.create({ data: { productId: p.id, sourceYaml: toContractYaml(doc("3.1.0", ["id"])) } });
    return { key: p.key, draftId: d.id };
  },
  "products.create-product": async (w) => {
    const slug = `d${uid().replace(/-/g, "")}`;
    await getDb().domain.create({ data: { slug, name: slug, teamId: w.team.id } });
    return { domain: slug, topic: "facts", tier: "GOLD", name: "Facts" };
  },
  "subscriptions.create-subscription": async (w) => ({ productKey: (await versionedProduct(w.otherTeam.id)).key, consumerTeam: w.team.slug, purpose: "Weekly report" }),
  "subscriptions.update-subscription": async (w) => ({ id: (await subscription(w.otherTeam.id, w.team.id, "ACTIVE")).id, pinRange: "^3.0" }),
  "subscriptions.withdraw-subscription": async (w) => ({ id: (await subscription(w.otherTeam.id, w.team.id, "ACTIVE")).id }),
  "subscriptions.decide-subscription": async (w) => ({ id: (await subscription(w.team.id, w.otherTeam.id, "PENDING")).id, decision: "approve" }),
  "subscriptions.revoke-subscription": async (w) => ({ id: (await subscription(w.team.id, w.otherTeam.id, "ACTIVE")).id, reason: "Reads a retired table" }),
  "products.update-product": async (w) => ({ key: (await createProduct({ team: w.team })).key, description: `changed ${uid()}` }),
  "teams.create-team": async () => ({ slug: `t-${uid()}`, name: "New team" }),
  "teams.update-team": async (w) => ({ slug: w.team.slug, onCallHandle: "@changed", contactChannel: "#changed" }),
  "teams.add-member": async (w) => ({ slug: w.team.slug, email: (await createUser()).email, role: "MEMBER" }),
  "teams.remove-member": async (w) => ({ slug: w.team.slug, userId: w.member2.id }),
  "teams.change-role": async (w) => ({ slug: w.team.slug, userId: w.member2.id, role: "OWNER" }),
  "tokens.create-token": async (w) => ({ team: w.team.slug, name: "ci", scopes: ["read"] }),
  "tokens.revoke-token": async (w) => {
    const t = await createToken({ ctx: makeCtx({ kind: "system", label: "test setup" }), input: { team: w.team.slug, name: "victim", scopes: ["read"] } });
    return { team: w.team.slug, tokenId: t.id };
  },
  "users.grant-admin": async () => ({ email: (await createUser()).email }),
  "users.set-password": async () => ({ email: (await createUser()).email, password: "correct horse battery staple" }),
  "deprecations.publish-notice": async (w) => ({ productKey: (await versionedProduct(w.team.id)).key, targetRange: "2.x", reason: "Replaced by 3.x", sunsetAt: new Date(Date.now() + 100 * 864e5).toISOString() }),
  "deprecations.publish-notice-override": async (w) => {
    const p = await versionedProduct(w.team.id);
    const consumer = await createTeam();
    await getDb().subscription.create({ data: { productId: p.id, consumerTeamId: consumer.id, pinRange: "2.x", purpose: "reports", status: "ACTIVE" } });
    return { productKey: p.key, targetRange: "2.x", reason: "Security incident", sunsetAt: new Date(Date.now() + 10 * 864e5).toISOString(), overrideReason: "Leaks PII, retire fast" };
  },
  "deprecations.update-notice": async (w) => ({ id: (await activeNotice(w.team.id)).id, sunsetAt: new Date(Date.now() + 200 * 864e5).toISOString() }),
  "deprecations.withdraw-notice": async (w) => ({ id: (await activeNotice(w.team.id)).id, reason: "Announced by mistake" }),
  "deprecations.acknowledge-notice": async (w) => {
    const n = await activeNotice(w.otherTeam.id);
    await getDb().subscription.create({ data: { productId: n.productId, consumerTeamId: w.team.id, pinRange: "2.x", purpose: "reports", status: "ACTIVE" } });
    return { id: n.id, team: w.team.slug, state: "SEEN" };
  },
  "webhooks.create-webhook": async (w) => ({ team: w.team.slug, url: "https://hooks.example.com/tessera" }),
  "webhooks.delete-webhook": async (w) => ({ team: w.team.slug, id: (await getDb().webhook.create({ data: { teamId: w.team.id, url: "https://hooks.example.com/x", secret: "s" } })).id }),
  "webhooks.send-test-webhook": async (w) => ({ team: w.team.slug, id: (await getDb().webhook.create({ data: { teamId: w.team.id, url: "https://hooks.example.com/x", secret: "s" } })).id }),
  "slo.ingest-measurements": async (w) => {
    const p = await createProduct({ team: w.team });
    await getDb().slo.create({ data: { productId: p.id, objective: "FRESHNESS", threshold: 60 } });
    return { measurements: [{ product: p.key, objective: "FRESHNESS", value: 5, observedAt: new Date().toISOString(), idempotencyKey: `m-${uid()}` }] };
  },
  "slo.update-slo": async (w) => {
    const p = await createProduct({ team: w.team });
    await getDb().slo.create({ data: { productId: p.id, objective: "COMPLETENESS", threshold: 99 } });
    return { product: p.key, objective: "COMPLETENESS", targetPercent: 95, windowDays: 7 };
  },
  "topology.declare-dependency": async (w) => {
    const up = await createProduct({ team: w.team, tier: "SILVER" });
    const down = await createProduct({ team: w.team, domainSlug: up.key.split(".")[0], tier: "GOLD" });
    return { product: down.key, upstreamProduct: up.key, kind: "HARD" };
  },
  "topology.remove-dependency": async (w) => {
    const up = await createProduct({ team: w.team, tier: "SILVER" });
    const down = await createProduct({ team: w.team, domainSlug: up.key.split(".")[0], tier: "GOLD" });
    const dep = await getDb().dependency.create({ data: { downstreamId: down.id, upstreamProductId: up.id, kind: "HARD" } });
    return { product: down.key, dependencyId: dep.id };
  },
  "lineage.ingest-lineage-event": async (w) => {
    const [up, down] = [await createProduct({ team: w.team, tier: "SILVER" }), await createProduct({ team: w.team, tier: "GOLD" })];
    return lineageEvent({ inputs: [await portFor(up)], outputs: [await portFor(down)] });
  },
  "lineage.ingest-lineage-batch": async (w) => {
    const [up, down] = [await createProduct({ team: w.team, tier: "SILVER" }), await createProduct({ team: w.team, tier: "GOLD" })];
    return [lineageEvent({ inputs: [await portFor(up)], outputs: [await portFor(down)] })];
  },
  "lineage.claim-dataset": async (w) => {
    const p = await createProduct({ team: w.team });
    const ds = await getDb().unclaimedDataset.create({ data: { namespace: "postgres://wh:5432", name: `raw.t_${uid()}` } });
    return { namespace: ds.namespace, name: ds.name, product: p.key };
  },
  "lineage.waive-violation": async (w) => {
    const up = await createProduct({ team: w.otherTeam, tier: "SILVER" });
    const down = await createProduct({ team: w.team, tier: "GOLD" });
    const dep = await getDb().dependency.create({ data: { downstreamId: down.id, upstreamProductId: up.id, kind: "SOFT", origin: "OBSERVED", violation: "tier.cross-domain-gold-only", violationMessage: "x" } });
    return { dependencyId: dep.id, reason: "Migration to the GOLD product is planned for Q1" };
  },
  "lineage.reopen-violation": async (w) => {
    const up = await createProduct({ team: w.otherTeam, tier: "SILVER" });
    const down = await createProduct({ team: w.team, tier: "GOLD" });
    const dep = await getDb().dependency.create({ data: { downstreamId: down.id, upstreamProductId: up.id, kind: "SOFT", origin: "OBSERVED", violation: "tier.cross-domain-gold-only", violationMessage: "x", waivedAt: new Date(), waivedBy: "admin", waiverReason: "Planned for Q1" } });
    return { dependencyId: dep.id, reason: "Cancelled" };
  },
};

/** Everything a write could touch, as comparable text (sessions and rate limits excluded). */
async function snapshot(): Promise<string> {
  const db = getDb();
  const [subscriptions, dependencies, users, teams, memberships, tokens, products, domains, accounts, audit, notices, acks, webhooks, deliveries, versions, ports, unclaimed, lineageEvents] = await Promise.all([
    db.subscription.findMany({ orderBy: { id: "asc" } }),
    db.dependency.findMany({ orderBy: { id: "asc" } }),
    db.user.findMany({ orderBy: { id: "asc" } }),
    db.team.findMany({ orderBy: { id: "asc" } }),
    db.membership.findMany({ orderBy: [{ teamId: "asc" }, { userId: "asc" }] }),
    db.apiToken.findMany({ orderBy: { id: "asc" } }),
    db.dataProduct.findMany({ orderBy: { id: "asc" } }),
    db.domain.findMany({ orderBy: { id: "asc" } }),
    db.authAccount.findMany({ orderBy: { id: "asc" } }),
    db.auditLog.count(),
    db.deprecationNotice.findMany({ orderBy: { id: "asc" } }),
    db.deprecationAck.findMany({ orderBy: [{ noticeId: "asc" }, { teamId: "asc" }] }),
    db.webhook.findMany({ orderBy: { id: "asc" } }),
    db.webhookDelivery.findMany({ orderBy: { id: "asc" } }),
    db.contractVersion.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, deprecatedAt: true, retiredAt: true } }),
    db.outputPort.findMany({ orderBy: { id: "asc" } }),
    db.unclaimedDataset.findMany({ orderBy: { id: "asc" } }),
    db.lineageEvent.count(),
  ]);
  return JSON.stringify({ subscriptions, dependencies, users, teams, memberships, tokens, products, domains, accounts, audit, notices, acks, webhooks, deliveries, versions, ports, unclaimed, lineageEvents });
}

type Refused = { label: string; ctx: (w: World) => Promise<Ctx> | Ctx; error: typeof ForbiddenError | typeof UnauthenticatedError };

/** The actors the map does NOT grant `rule`, derived from the rule itself. */
function refusedActors(rule: PermissionRule): Refused[] {
  const out: Refused[] = [{ label: "anonymous", ctx: () => makeCtx({ kind: "anonymous" }), error: UnauthenticatedError }];
  const tokenScopes = (keep: (s: TokenScope) => boolean) => ALL_SCOPES.filter(keep);
  if (rule.scope === "team") {
    out.push({ label: "user without a team", ctx: (w) => userCtx(w.loner), error: ForbiddenError });
    out.push({ label: "owner of another team", ctx: (w) => userCtx(w.otherOwner), error: ForbiddenError });
    if (!rule.roles.includes("MEMBER")) out.push({ label: "member (role not granted)", ctx: (w) => userCtx(w.member), error: ForbiddenError });
    out.push({ label: "token of the team without the scope", ctx: (w) => tokenCtx(w.team.id, tokenScopes((s) => s !== rule.token)), error: ForbiddenError });
    if (rule.token) out.push({ label: "token of another team with the scope", ctx: (w) => tokenCtx(w.otherTeam.id, [rule.token!]), error: ForbiddenError });
  }
  if (rule.scope === "platform") {
    out.push({ label: "team owner", ctx: (w) => userCtx(w.owner), error: ForbiddenError });
    out.push({ label: "token with every scope", ctx: (w) => tokenCtx(w.team.id, ALL_SCOPES), error: ForbiddenError });
  }
  if (rule.scope === "authenticated") out.push({ label: "token with every scope", ctx: (w) => tokenCtx(w.team.id, ALL_SCOPES), error: ForbiddenError });
  if (rule.scope === "authenticated-token") {
    out.push({ label: "signed-in user", ctx: (w) => userCtx(w.owner), error: ForbiddenError });
    out.push({ label: "token without the scope", ctx: (w) => tokenCtx(w.team.id, tokenScopes((s) => s !== rule.token)), error: ForbiddenError });
  }
  return out;
}

/** A token actor backed by a real ApiToken row (audit rows reference it). */
async function realTokenCtx(teamId: string, scopes: TokenScope[]): Promise<Ctx> {
  const t = await getDb().apiToken.create({ data: { teamId, name: "matrix", prefix: uid(), tokenHash: randomUUID(), scopes } });
  return makeCtx({ kind: "token", tokenId: t.id, teamId, scopes, label: "token matrix" });
}

/** The actors the map grants `rule` (at least one; a token too when the rule names a scope). */
function grantedActors(rule: PermissionRule): { label: string; ctx: (w: World) => Promise<Ctx> | Ctx }[] {
  if (rule.scope === "platform") return [{ label: "platform admin", ctx: (w) => userCtx(w.admin) }];
  if (rule.scope === "authenticated") return [{ label: "user without a team", ctx: (w) => userCtx(w.loner) }];
  if (rule.scope === "authenticated-token") return [{ label: "token with the scope", ctx: (w) => realTokenCtx(w.team.id, [rule.token]) }];
  return [
    { label: rule.roles.includes("MEMBER") ? "member" : "owner", ctx: (w) => userCtx(rule.roles.includes("MEMBER") ? w.member : w.owner) },
    ...(rule.token ? [{ label: "token with the scope", ctx: (w: World) => realTokenCtx(w.team.id, [rule.token!]) }] : []),
  ];
}

const WRITE_PERMISSIONS = ALL_PERMISSIONS.filter((p) => !READ_PERMISSIONS.has(p));

function serviceSources(): { file: string; text: string }[] {
  const root = path.join(process.cwd(), "lib/server/services");
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)) files.push(p);
    }
  };
  walk(root);
  return files.map((f) => ({ file: path.relative(process.cwd(), f), text: fs.readFileSync(f, "utf8") }));
}

describe("the permission map is complete", () => {
  it("every write permission has a registered service, or is explicitly pending", () => {
    const missing = WRITE_PERMISSIONS.filter((p) => !PENDING.has(p) && !WRITE_SERVICES.some((s) => s.permission === p));
    expect(missing, "write permissions without a registered service (register it in lib/server/services/registry.ts)").toEqual([]);
    const stale = [...PENDING].filter((p) => WRITE_SERVICES.some((s) => s.permission === p));
    expect(stale, "pending permissions that now have a service: remove them from PENDING and add a scenario").toEqual([]);
    expect([...PENDING].filter((p) => !(p in PERMISSIONS)), "PENDING names permissions that no longer exist").toEqual([]);
  });

  it("every service that checks a write permission is registered, and pending ones have no service yet", () => {
    const registered = new Set(WRITE_SERVICES.map((s) => s.source));
    const offenders: string[] = [];
    for (const { file, text } of serviceSources()) {
      for (const m of text.matchAll(/requirePermission\(\s*ctx\s*,\s*"([a-z.]+)"/g)) {
        const p = m[1] as Permission;
        if (READ_PERMISSIONS.has(p) || file.endsWith("/list-tokens.ts")) continue;
        if (PENDING.has(p)) offenders.push(`${file} checks pending "${p}": remove it from PENDING, register the service`);
        else if (!registered.has(file)) offenders.push(`${file} checks "${p}" but is not in WRITE_SERVICES`);
      }
    }
    expect(offenders).toEqual([]);
    for (const s of WRITE_SERVICES) expect(fs.existsSync(s.source), `${s.name}: source ${s.source} exists`).toBe(true);
  });

  it("docs/security.md shows the map as it is", () => {
    const doc = fs.readFileSync(path.join(process.cwd(), "docs/security.md"), "utf8");
    const scopeName = (t: string) => t.toLowerCase().replace("_write", ":write");
    for (const p of ALL_PERMISSIONS) {
      const rule: PermissionRule = PERMISSIONS[p];
      const who =
        rule.scope === "team" ? `team ${rule.roles.map((r) => r.toLowerCase()).join(", ")}` : rule.scope === "platform" ? "platform admins" : rule.scope === "authenticated" ? "any signed-in user" : "tokens only";
      const token = "token" in rule && rule.token ? `\`${scopeName(rule.token)}\`` : "—";
      expect(doc, `docs/security.md row for ${p}`).toContain(`| \`${p}\` | ${who} | ${token} |`);
    }
  });

  it("every registered service has a scenario here", () => {
    expect(WRITE_SERVICES.map((s) => s.name).filter((n) => !SCENARIOS[n])).toEqual([]);
  });
});

describe.each(WRITE_PERMISSIONS.filter((p) => !PENDING.has(p)))("write permission %s", (permission) => {
  const rule: PermissionRule = PERMISSIONS[permission];
  const services = WRITE_SERVICES.filter((s) => s.permission === permission);

  describe.each(services.map((s) => [s.name, s] as [string, WriteService]))("service %s", (_name, service) => {
    it.each(refusedActors(rule).map((r) => [r.label, r] as [string, Refused]))("refuses %s and changes nothing", async (_label, refused) => {
      const w = await world();
      const input = await SCENARIOS[service.name](w);
      const ctx = await refused.ctx(w);
      const before = await snapshot();
      await expect(service.run({ ctx, input })).rejects.toBeInstanceOf(refused.error);
      expect(await snapshot()).toBe(before);
    });

    it.each(grantedActors(rule).map((g) => [g.label, g] as [string, (typeof g)]))("lets %s write, in one transaction with its audit row", async (_label, granted) => {
      const w = await world();
      const input = await SCENARIOS[service.name](w);
      const ctx = await granted.ctx(w);
      const before = await snapshot();
      failAudit.on = true;
      try {
        await expect(service.run({ ctx, input })).rejects.toThrow(/audit store unavailable/);
      } finally {
        failAudit.on = false;
      }
      expect(await snapshot(), "a failed audit write must roll the change back").toBe(before);
      await service.run({ ctx, input });
      expect(await snapshot()).not.toBe(before);
      const rows = await getDb().auditLog.findMany({ where: { requestId: ctx.requestId } });
      expect(rows.length).toBeGreaterThan(0);
      const a = ctx.actor;
      for (const r of rows) {
        expect(r.actorUserId).toBe(a.kind === "user" ? a.userId : null);
        expect(r.actorTokenId).toBe(a.kind === "token" ? a.tokenId : null);
        expect(r.action.length).toBeGreaterThan(0);
      }
    });
  });
});

describe("reads of team-private data", () => {
  it("audit.read: a team's audit trail is refused to outsiders, other teams' tokens and tokens without read", async () => {
    const w = await world();
    const ok = await listAudit({ ctx: await userCtx(w.member), input: { team: w.team.slug } });
    expect(ok.entries).toBeDefined();
    for (const [ctx, error] of [
      [await userCtx(w.loner), ForbiddenError],
      [await userCtx(w.otherOwner), ForbiddenError],
      [tokenCtx(w.team.id, ALL_SCOPES.filter((s) => s !== "READ")), ForbiddenError],
      [tokenCtx(w.otherTeam.id, ["READ"]), ForbiddenError],
      [makeCtx({ kind: "anonymous" }), UnauthenticatedError],
    ] as const) {
      await expect(listAudit({ ctx, input: { team: w.team.slug } })).rejects.toBeInstanceOf(error);
    }
    const product = await createProduct({ team: w.team });
    await expect(listAudit({ ctx: await userCtx(w.otherOwner), input: { product: product.key } })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("audit.read.all: without a filter, only admins see other teams' entries", async () => {
    const w = await world();
    await getDb().auditLog.create({ data: { actorLabel: "x", action: "team.update", entityType: "Team", entityId: w.team.id, teamId: w.team.id } });
    const outsiderView = await listAudit({ ctx: await userCtx(w.otherOwner), input: {} });
    expect(outsiderView.entries.some((e) => e.team?.id === w.team.id)).toBe(false);
    const adminView = await listAudit({ ctx: await userCtx(w.admin), input: {} });
    expect(adminView.entries.some((e) => e.team?.id === w.team.id)).toBe(true);
    const memberView = await listAudit({ ctx: await userCtx(w.member), input: {} });
    expect(memberView.entries.some((e) => e.team?.id === w.team.id)).toBe(true);
  });

  it("team.read: members are hidden from outsiders and tokens without read", async () => {
    const w = await world();
    expect((await getTeam({ ctx: await userCtx(w.otherOwner), slug: w.team.slug })).members).toBeNull();
    expect((await getTeam({ ctx: tokenCtx(w.team.id, ["CONTRACTS_WRITE"]), slug: w.team.slug })).members).toBeNull();
    expect((await getTeam({ ctx: tokenCtx(w.otherTeam.id, ["READ"]), slug: w.team.slug })).members).toBeNull();
    expect((await getTeam({ ctx: await userCtx(w.member), slug: w.team.slug })).members).toHaveLength(3);
  });
});
