import "server-only";
import semver from "semver";
import { getDb, type Tx } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { ConflictError, NotFoundError, ValidationError } from "../../errors";
import { parseContractSource } from "@/lib/domain/contracts/source";
import { evaluatePublish, type PublishReport } from "@/lib/domain/contracts/publish-check";
import { flattenFields } from "@/lib/domain/contracts/flatten";
import { resolvePin } from "@/lib/domain/versions/resolve";
import { ZPublishContract } from "./schemas";
import { loadPublishState } from "./load-publish-state";
import { refusal } from "./refusal";
import { syncSlos } from "./sync-slos";
import { notifyTeams } from "../../notify";

export type PublishResult = {
  report: PublishReport;
  /** null for a dry run. */
  published: { id: string; version: string; changeClass: string | null; publishedAt: Date; current: boolean } | null;
};

type Loaded = Awaited<ReturnType<typeof loadPublishState>>;
const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as object;

async function write(tx: Tx, ctx: Ctx, teamId: string, loaded: Loaded, report: PublishReport, source: string, draftId: string | undefined) {
  const doc = report.document!;
  const v = semver.parse(doc.version)!;
  const created = await tx.contractVersion.create({
    data: {
      productId: loaded.productId,
      version: doc.version,
      major: v.major,
      minor: v.minor,
      patch: v.patch,
      owner: doc.owner,
      sla: json(doc.sla),
      semantics: json(doc.semantics),
      document: json(doc),
      sourceFormat: report.format ?? "NATIVE",
      sourceYaml: source,
      // The class the version number declares (what consumers' pins react to); null for the first.
      changeClass: report.declared === "INITIAL" || report.declared === null ? null : report.declared,
      changes: json(report.changes),
      changelog: report.changelog.join("\n"),
      publishedById: ctx.actor.kind === "user" ? ctx.actor.userId : null,
      publishedAt: ctx.now,
      fields: { createMany: { data: flattenFields(doc).map((f) => ({ position: f.position, path: f.path, name: f.name, type: f.type, required: f.required, description: f.description, tags: f.tags, pii: f.pii, mask: f.mask, enumValues: f.enumValues })) } },
    },
    select: { id: true, version: true, changeClass: true, publishedAt: true },
  });
  const entries = [...loaded.state.versions.map(({ id, version, status }) => ({ id, version, status })), { id: created.id, version: created.version, status: "PUBLISHED" as const }];
  const live = entries.filter((e) => e.status !== "RETIRED");
  const current = live.reduce((a, b) => (semver.gt(b.version, a.version) ? b : a));
  const isCurrent = current.id === created.id;
  let slos = null;
  if (isCurrent) {
    await tx.dataProduct.update({
      where: { id: loaded.productId },
      data: { currentVersionId: created.id, ...(loaded.state.product.lifecycleStatus === "DRAFT" ? { lifecycleStatus: "ACTIVE" as const } : {}) },
    });
    slos = await syncSlos(tx, loaded.productId, created.id, doc.sla);
  }
  // Patches and minors flow in: every active subscription resolves again (a new major never matches a pin).
  // A BROKEN subscription (its versions retired) that the new version falls inside is active again.
  const moved: { subscription: string; from: string | null; to: string | null; revived?: true }[] = [];
  for (const s of loaded.state.subscriptions) {
    const target = resolvePin(s.pinRange, entries);
    const revive = s.status === "BROKEN" && target !== null;
    if (!revive && (target?.id ?? null) === s.resolvedVersionId) continue;
    if (s.status === "BROKEN" && !revive) continue;
    await tx.subscription.update({ where: { id: s.id }, data: { resolvedVersionId: target?.id ?? null, ...(revive ? { status: "ACTIVE" as const } : {}) } });
    moved.push({ subscription: s.id, from: s.resolvedVersionId, to: target?.version ?? null, ...(revive ? { revived: true as const } : {}) });
    if (revive)
      await notifyTeams(tx, [s.consumerTeamId], {
        kind: "subscription.revived",
        title: `${report.product} ${created.version} is inside your pin ${s.pinRange} again`,
        body: `Your subscription was broken (its versions were retired); it now resolves to ${created.version}.`,
        link: `/subscriptions/${s.id}`,
        dedupeKey: `subscription.revived:${s.id}:${created.id}`,
      });
  }
  if (draftId) await tx.contractDraft.deleteMany({ where: { id: draftId, productId: loaded.productId } });
  await writeAudit(tx, ctx, {
    action: "contract.publish",
    entityType: "ContractVersion",
    entityId: created.id,
    teamId,
    productId: loaded.productId,
    after: { product: report.product, version: created.version, previous: report.previous, declared: report.declared, required: report.required, format: report.format, changes: report.changes.length, current: isCurrent, slos, subscriptionsMoved: moved },
  });
  return { ...created, current: isCurrent };
}

/**
 * Publishes a contract version (native YAML/JSON or ODCS) of a product, or with `dryRun` only
 * reports what publishing would do. Owner team only. Versions of one product are published one at
 * a time (row lock), so two publishes of one version: the first wins, the second gets 409.
 */
export async function publishContractVersion({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<PublishResult> {
  const parsed = ZPublishContract.safeParse(input);
  if (!parsed.success) throw new ValidationError("The publish request is not valid.", parsed.error.issues);
  const { key, source, format, dryRun, draftId } = parsed.data;
  const db = getDb();
  const owner = await db.dataProduct.findUnique({ where: { key }, select: { teamId: true, team: { select: { slug: true } } } });
  if (!owner) throw new NotFoundError(`Data product "${key}"`);
  requirePermission(ctx, "contract.publish", { teamId: owner.teamId });
  const document = parseContractSource(source, { format, owner: owner.team.slug, product: key });

  if (dryRun) {
    const loaded = await loadPublishState(db, key, owner.teamId);
    return { report: evaluatePublish(document, loaded.state), published: null };
  }
  try {
    return await db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "DataProduct" WHERE key = ${key} AND "teamId" = ${owner.teamId} FOR UPDATE`;
        const loaded = await loadPublishState(tx, key, owner.teamId);
        const report = evaluatePublish(document, loaded.state);
        if (!report.ok) throw refusal(report);
        const published = await write(tx, ctx, owner.teamId, loaded, report, source, draftId);
        return { report, published };
      },
      { maxWait: 10_000, timeout: 20_000 },
    );
  } catch (e) {
    const code = (e as { code?: string })?.code;
    if (code === "P2002") throw new ConflictError(`That version of ${key} was published by someone else a moment ago. Publish a new version number.`);
    throw e;
  }
}
