import { describe, it, expect } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { publishContractVersion } from "@/lib/server/services/contracts/publish-contract-version";
import { reportOf } from "@/lib/server/services/contracts/refusal";
import { ConflictError, ForbiddenError, NotFoundError, PolicyViolation, ValidationError } from "@/lib/server/errors";
import { toContractYaml } from "@/lib/domain/contracts/yaml";
import { ZContractDocument, type ContractDocument, type ContractDocumentInput } from "@/lib/domain/contracts/document";
import { makeCtx } from "@/lib/server/auth/context";
import { createProduct, createTeam, createUser, tokenCtx, userCtx } from "./factories";

const db = () => getDb();

function contract(key: string, over: Partial<ContractDocumentInput> = {}): ContractDocument {
  return ZContractDocument.parse({
    name: "Order facts",
    version: "1.0.0",
    owner: "orders",
    product: key,
    schema: {
      fields: [
        { name: "order_id", type: "string", required: true, description: "UUID" },
        { name: "amount", type: "decimal(12,2)", required: true },
        { name: "note", type: "string" },
      ],
    },
    sla: { freshness: { maxAgeMinutes: 60 }, completeness: { minPercent: 99.5 }, lateArrival: { windowMinutes: 120 } },
    semantics: { summary: "One row per order" },
    ...over,
  });
}
const yaml = (d: ContractDocument) => toContractYaml(d);

async function setup(opts: { tier?: "BRONZE" | "SILVER" | "GOLD"; onCall?: string | null } = {}) {
  const owner = await createUser();
  const outsider = await createUser();
  const team = await createTeam({ owner });
  const otherTeam = await createTeam({ owner: outsider });
  if (opts.onCall !== null) await db().team.update({ where: { id: team.id }, data: { onCallHandle: opts.onCall ?? "@orders-oncall" } });
  const product = await createProduct({ team, tier: opts.tier ?? "SILVER" });
  await db().dataProduct.update({ where: { id: product.id }, data: { lifecycleStatus: "DRAFT", reliabilityClass: "DECISION_SUPPORT" } });
  const ctx = await userCtx(owner);
  const publish = (d: ContractDocument, extra: object = {}) => publishContractVersion({ ctx, input: { key: product.key, source: yaml(d), ...extra } });
  return { owner, outsider, team, otherTeam, product, ctx, publish };
}

async function refusedWith<T extends Error>(p: Promise<unknown>, type: new (...a: never[]) => T) {
  const e = await p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(type);
  return { error: e as T, report: reportOf(e)! };
}

describe("publishContractVersion: writes", () => {
  it("publishes a first version: fields, current version, ACTIVE, SLOs and an audit row in one go", async () => {
    const { product, ctx, publish } = await setup();
    const r = await publish(contract(product.key));
    expect(r.report).toMatchObject({ ok: true, version: "1.0.0", previous: null, declared: "INITIAL", format: "NATIVE" });
    expect(r.published).toMatchObject({ version: "1.0.0", changeClass: null, current: true });
    const p = await db().dataProduct.findUniqueOrThrow({ where: { id: product.id }, include: { slos: { orderBy: { objective: "asc" } }, versions: { include: { fields: { orderBy: { position: "asc" } } } } } });
    expect(p.lifecycleStatus).toBe("ACTIVE");
    expect(p.currentVersionId).toBe(r.published!.id);
    expect(p.versions[0]!.fields.map((f) => [f.path, f.type, f.required])).toEqual([["order_id", "string", true], ["amount", "decimal(12,2)", true], ["note", "string", false]]);
    expect(p.versions[0]!.publishedById).toBe((ctx.actor as { userId: string }).userId);
    expect(p.slos.map((s) => [s.objective, s.threshold, s.targetPercent, s.windowDays])).toEqual([
      ["FRESHNESS", 60, 99, 28],
      ["COMPLETENESS", 99.5, 99, 28],
      ["LATE_ARRIVAL", 120, 99, 28],
    ]);
    const audit = await db().auditLog.findMany({ where: { productId: product.id, action: "contract.publish" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.requestId).toBe(ctx.requestId);
    expect(audit[0]!.entityId).toBe(r.published!.id);
  });

  it("lets a minor flow into caret pins but not tilde pins, and updates the SLOs", async () => {
    const { product, otherTeam, publish } = await setup();
    const v1 = await publish(contract(product.key));
    const sub = (pinRange: string) => db().subscription.create({ data: { productId: product.id, consumerTeamId: otherTeam.id, pinRange, purpose: "reports", status: "ACTIVE", resolvedVersionId: v1.published!.id } });
    const [caret, tilde] = [await sub("^1.0"), await sub("~1.0.0")];
    const v11 = contract(product.key, { version: "1.1.0", schema: { fields: [...contract(product.key).schema.fields, { name: "channel", type: "string" }] }, sla: { freshness: { maxAgeMinutes: 30 }, completeness: { minPercent: 99.5 }, lateArrival: { windowMinutes: 120 } } });
    const r = await publish(v11);
    expect(r.report).toMatchObject({ required: "MINOR", declared: "MINOR", previous: "1.0.0" });
    expect((await db().subscription.findUniqueOrThrow({ where: { id: caret.id } })).resolvedVersionId).toBe(r.published!.id);
    expect((await db().subscription.findUniqueOrThrow({ where: { id: tilde.id } })).resolvedVersionId).toBe(v1.published!.id);
    expect((await db().slo.findFirstOrThrow({ where: { productId: product.id, objective: "FRESHNESS" } })).threshold).toBe(30);
    const version = await db().contractVersion.findUniqueOrThrow({ where: { id: r.published!.id } });
    expect(version.changeClass).toBe("MINOR");
    expect(version.changelog).toContain("New optional field `channel` (string).");
  });

  it("removes the SLOs of promises a new major no longer makes, with their measurements", async () => {
    const { product, publish } = await setup();
    await publish(contract(product.key));
    // SloMeasurement has no foreign key: the publish must delete the removed objective's rows itself.
    const before = await db().slo.findMany({ where: { productId: product.id } });
    await db().sloMeasurement.createMany({
      data: before.flatMap((s) => [1, 2, 3].map((i) => ({ sloId: s.id, productId: product.id, value: 1, met: true, observedAt: new Date(), idempotencyKey: `${s.objective}-${i}` }))),
    });
    // The backstop trigger off, so this checks the service's own delete (tests of a file share a database).
    await db().$executeRawUnsafe(`ALTER TABLE "Slo" DISABLE TRIGGER "Slo_delete_measurements"`);
    try {
      await publish(contract(product.key, { version: "2.0.0", sla: { freshness: { maxAgeMinutes: 60 }, completeness: { minPercent: 99.5 } } }));
    } finally {
      await db().$executeRawUnsafe(`ALTER TABLE "Slo" ENABLE TRIGGER "Slo_delete_measurements"`);
    }
    const slos = await db().slo.findMany({ where: { productId: product.id } });
    expect(slos.map((s) => s.objective).sort()).toEqual(["COMPLETENESS", "FRESHNESS"]);
    const left = await db().sloMeasurement.findMany({ where: { productId: product.id }, orderBy: { idempotencyKey: "asc" } });
    expect(left.map((m) => m.idempotencyKey)).toEqual(["COMPLETENESS-1", "COMPLETENESS-2", "COMPLETENESS-3", "FRESHNESS-1", "FRESHNESS-2", "FRESHNESS-3"]);
    const orphans = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "SloMeasurement" m WHERE NOT EXISTS (SELECT 1 FROM "Slo" s WHERE s.id = m."sloId")`;
    expect(orphans[0]!.n).toBe(0);
  });

  it("keeps the newest version current when an older line gets a backport", async () => {
    const { product, publish } = await setup();
    await publish(contract(product.key));
    const v2 = await publish(contract(product.key, { version: "2.0.0", schema: { fields: contract(product.key).schema.fields.slice(0, 2) } }));
    const back = await publish(contract(product.key, { version: "1.0.1", description: "Backported wording" }));
    expect(back.report).toMatchObject({ previous: "1.0.0", declared: "PATCH" });
    expect(back.published!.current).toBe(false);
    expect((await db().dataProduct.findUniqueOrThrow({ where: { id: product.id } })).currentVersionId).toBe(v2.published!.id);
  });
});

describe("publishContractVersion: refusals", () => {
  it("refuses a field removal declared as a minor with 422, listing the change, and writes nothing", async () => {
    const { product, publish } = await setup();
    await publish(contract(product.key));
    const before = await db().auditLog.count();
    const { error, report } = await refusedWith(publish(contract(product.key, { version: "1.1.0", schema: { fields: contract(product.key).schema.fields.slice(0, 2) } })), PolicyViolation);
    expect(error.status).toBe(422);
    expect(report.required).toBe("MAJOR");
    expect(report.violations.map((v) => v.message)).toEqual(["1.1.0 is a MINOR bump from 1.0.0, but the diff requires MAJOR: 1 change needs a MAJOR version. Publish it as 2.0.0.", "MAJOR: Field `note` removed."]);
    expect(await db().contractVersion.count({ where: { productId: product.id } })).toBe(1);
    expect(await db().auditLog.count()).toBe(before);
  });

  it("refuses a new major while active subscriptions on the previous major have no deprecation notice, then accepts it once one exists", async () => {
    const { product, otherTeam, publish } = await setup();
    const v1 = await publish(contract(product.key));
    await db().subscription.create({ data: { productId: product.id, consumerTeamId: otherTeam.id, pinRange: "^1.0", purpose: "reports", status: "ACTIVE", resolvedVersionId: v1.published!.id } });
    const major = contract(product.key, { version: "2.0.0", schema: { fields: contract(product.key).schema.fields.slice(0, 2) } });
    const { report } = await refusedWith(publish(major), PolicyViolation);
    expect(report.violations.map((v) => v.rule)).toEqual(["major.deprecation-first"]);
    expect(report.violations[0]!.message).toMatch(/1 active subscription resolve to 1\.x .*\(\^1\.0 -> 1\.0\.0\)/);
    await db().deprecationNotice.create({ data: { productId: product.id, targetRange: "1.x", reason: "2.0 drops note", sunsetAt: new Date(Date.now() + 120 * 864e5) } });
    const r = await publish(major);
    expect(r.report).toMatchObject({ ok: true, declared: "MAJOR" });
  });

  it("refuses an unmasked PII field in a GOLD product, and a missing promise for the reliability class", async () => {
    const { product, publish } = await setup({ tier: "GOLD" });
    await db().dataProduct.update({ where: { id: product.id }, data: { reliabilityClass: "OPERATIONAL" } });
    const doc = contract(product.key, { schema: { fields: [{ name: "email", type: "string", tags: ["PII"] }] } });
    const { report } = await refusedWith(publish(doc), PolicyViolation);
    expect(report.violations.map((v) => [v.rule, v.path])).toEqual([
      ["class.minimum-promises", "sla.accuracy"],
      ["pii.gold-masked", "email"],
    ]);
  });

  it("refuses an OPERATIONAL contract when the owner team has no on-call", async () => {
    const { product, publish } = await setup({ onCall: null });
    await db().dataProduct.update({ where: { id: product.id }, data: { reliabilityClass: "OPERATIONAL" } });
    const doc = contract(product.key, { sla: { freshness: { maxAgeMinutes: 5 }, completeness: { minPercent: 99 }, accuracy: { minPercent: 99 } } });
    const { report } = await refusedWith(publish(doc), PolicyViolation);
    expect(report.violations.map((v) => v.path)).toEqual(["team.onCallHandle"]);
  });

  it("never changes a published version: the same number again is a 409", async () => {
    const { product, publish } = await setup();
    await publish(contract(product.key));
    const { error } = await refusedWith(publish(contract(product.key, { description: "rewritten" })), ConflictError);
    expect(error.status).toBe(409);
    const v = await db().contractVersion.findFirstOrThrow({ where: { productId: product.id } });
    expect((v.document as { description?: string }).description).toBeUndefined();
  });

  it("lets exactly one of two concurrent publishes of the same version win; the other gets 409", async () => {
    const { product, publish } = await setup();
    await publish(contract(product.key));
    const v11 = contract(product.key, { version: "1.1.0", schema: { fields: [...contract(product.key).schema.fields, { name: "channel", type: "string" }] } });
    const results = await Promise.allSettled([publish(v11), publish(v11), publish(v11)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const losers = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(losers).toHaveLength(2);
    for (const l of losers) expect(l.reason).toBeInstanceOf(ConflictError);
    expect(await db().contractVersion.count({ where: { productId: product.id, version: "1.1.0" } })).toBe(1);
  });

  it("reports an invalid document with 400 and the line of each error", async () => {
    const { product, ctx } = await setup();
    const { error, report } = await refusedWith(publishContractVersion({ ctx, input: { key: product.key, source: "name: x\nversion: 1.0\nowner: o\n" } }), ValidationError);
    expect(error.status).toBe(400);
    expect(report.violations.find((v) => v.path === "version")).toMatchObject({ rule: "contract.document", line: 2 });
  });

  it("refuses an unknown product with 404", async () => {
    const { ctx } = await setup();
    await expect(publishContractVersion({ ctx, input: { key: "nope.nope.gold", source: "x: 1" } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses bad input before touching the database", async () => {
    const { ctx, product } = await setup();
    await expect(publishContractVersion({ ctx, input: { key: product.key, source: 42 } })).rejects.toBeInstanceOf(ValidationError);
    await expect(publishContractVersion({ ctx, input: { key: product.key, source: "x".repeat(600_000) } })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("publishContractVersion: dry run", () => {
  it("runs every check and returns the same report, writing nothing", async () => {
    const { product, publish } = await setup();
    await publish(contract(product.key));
    const audits = await db().auditLog.count();
    const removal = contract(product.key, { version: "1.1.0", schema: { fields: contract(product.key).schema.fields.slice(0, 2) } });
    const dry = await publish(removal, { dryRun: true });
    expect(dry.published).toBeNull();
    expect(dry.report).toMatchObject({ ok: false, required: "MAJOR", declared: "MINOR" });
    const { report } = await refusedWith(publish(removal), PolicyViolation);
    expect(dry.report).toEqual(report);
    expect(await db().contractVersion.count({ where: { productId: product.id } })).toBe(1);
    expect(await db().auditLog.count()).toBe(audits);
  });
});

describe("publishContractVersion: SLA feasibility", () => {
  it("warns, without refusing, when the contract promises fresher or more complete data than a HARD upstream", async () => {
    const { product, team, publish } = await setup();
    const upstream = await createProduct({ team, tier: "BRONZE", topic: "raw_orders", domainSlug: product.key.split(".")[0] });
    await db().slo.createMany({ data: [{ productId: upstream.id, objective: "FRESHNESS", threshold: 180 }, { productId: upstream.id, objective: "COMPLETENESS", threshold: 98 }] });
    const soft = await createProduct({ team, tier: "BRONZE", topic: "raw_notes", domainSlug: product.key.split(".")[0] });
    await db().slo.create({ data: { productId: soft.id, objective: "FRESHNESS", threshold: 600 } });
    await db().dependency.createMany({ data: [{ downstreamId: product.id, upstreamProductId: upstream.id, kind: "HARD" }, { downstreamId: product.id, upstreamProductId: soft.id, kind: "SOFT" }] });
    const dry = await publish(contract(product.key), { dryRun: true });
    expect(dry.report.ok).toBe(true);
    expect(dry.report.warnings.map((w) => [w.objective, w.upstream])).toEqual([["FRESHNESS", upstream.key], ["COMPLETENESS", upstream.key]]);
    expect(dry.report.warnings[0]!.message).toMatch(/at most 60 minutes old.*only promises 180 minutes/);
    // A promise the upstream can back: no warning (and the SOFT upstream never counts).
    const modest = await publish(contract(product.key, { sla: { freshness: { maxAgeMinutes: 240 }, completeness: { minPercent: 97 }, lateArrival: { windowMinutes: 120 } } }));
    expect(modest.report.warnings).toEqual([]);
    expect(modest.published?.version).toBe("1.0.0");
  });
});

describe("publishContractVersion: who may publish", () => {
  it("refuses a user of another team, for real and dry runs, and writes nothing", async () => {
    const { product, outsider } = await setup();
    const ctx = await userCtx(outsider);
    const source = yaml(contract(product.key));
    await expect(publishContractVersion({ ctx, input: { key: product.key, source } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(publishContractVersion({ ctx, input: { key: product.key, source, dryRun: true } })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().contractVersion.count({ where: { productId: product.id } })).toBe(0);
    expect(await db().auditLog.count({ where: { productId: product.id } })).toBe(0);
  });

  it("refuses another team's token, and the owner team's token without contracts:write", async () => {
    const { product, team, otherTeam } = await setup();
    const source = yaml(contract(product.key));
    await expect(publishContractVersion({ ctx: tokenCtx(otherTeam.id, ["CONTRACTS_WRITE"]), input: { key: product.key, source } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(publishContractVersion({ ctx: tokenCtx(team.id, ["READ"]), input: { key: product.key, source } })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().contractVersion.count({ where: { productId: product.id } })).toBe(0);
  });

  it("accepts the owner team's contracts:write token (domain CI) and a member of the team", async () => {
    const { product, team } = await setup();
    // A real token row: the audit entry references it.
    const token = await db().apiToken.create({ data: { teamId: team.id, name: "ci", prefix: "tsr_0000", tokenHash: `hash-${product.id}`, scopes: ["CONTRACTS_WRITE"] } });
    const ctx = makeCtx({ kind: "token", tokenId: token.id, teamId: team.id, scopes: ["CONTRACTS_WRITE"], label: "token ci" });
    const r = await publishContractVersion({ ctx, input: { key: product.key, source: yaml(contract(product.key)) } });
    expect((await db().auditLog.findFirstOrThrow({ where: { entityId: r.published!.id } })).actorTokenId).toBe(token.id);
    expect(r.published?.version).toBe("1.0.0");
    expect((await db().contractVersion.findUniqueOrThrow({ where: { id: r.published!.id } })).publishedById).toBeNull();
    const member = await createUser();
    await db().membership.create({ data: { teamId: team.id, userId: member.id, role: "MEMBER" } });
    const r2 = await publishContractVersion({ ctx: await userCtx(member), input: { key: product.key, source: yaml(contract(product.key, { version: "1.0.1", description: "d" })) } });
    expect(r2.published?.version).toBe("1.0.1");
  });
});

describe("published versions are immutable in the database too", () => {
  it("refuses any change to a version's content or fields, but lets its lifecycle move", async () => {
    const { product, publish } = await setup();
    const r = await publish(contract(product.key));
    const id = r.published!.id;
    await expect(db().contractVersion.update({ where: { id }, data: { document: { hacked: true } } })).rejects.toThrow(/cannot change/);
    await expect(db().contractVersion.update({ where: { id }, data: { sourceYaml: "x" } })).rejects.toThrow(/cannot change/);
    await expect(db().contractField.updateMany({ where: { versionId: id }, data: { type: "integer" } })).rejects.toThrow(/cannot change/);
    const moved = await db().contractVersion.update({ where: { id }, data: { status: "DEPRECATED", deprecatedAt: new Date() } });
    expect(moved.status).toBe("DEPRECATED");
  });
});
