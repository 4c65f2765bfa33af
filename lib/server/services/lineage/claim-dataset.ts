import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { ConflictError, NotFoundError, ValidationError } from "../../errors";
import { normalizeName, normalizeNamespace } from "@/lib/domain/lineage/match";
import type { TDatasetRef } from "@/lib/domain/lineage/run-event";
import { getPlatformSettings } from "../settings/get-platform-settings";
import { recomputeEffectiveStatus } from "../slo/recompute-status";
import { issuesOf } from "./ingest-core";
import { mapDatasets, observeRun, refKey } from "./observe-event";
import { ZClaimDataset } from "./schemas";

const portNameFrom = (name: string) =>
  (name.split(/[./:]/).filter(Boolean).pop() ?? "dataset").toLowerCase().replace(/[^a-z0-9_-]+/g, "_").replace(/^[^a-z0-9]+/, "").slice(0, 63) || "dataset";

/**
 * An owner (or member) of the product's team claims an unclaimed dataset: it becomes an output
 * port of their product, and the runs already seen with it become observed edges now.
 */
export async function claimDataset({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZClaimDataset.safeParse(input);
  if (!parsed.success) throw new ValidationError("The claim is not valid.", issuesOf(parsed.error));
  const data = parsed.data;
  const ref: TDatasetRef = { namespace: normalizeNamespace(data.namespace), name: normalizeName(data.name) };
  const db = getDb();
  const owner = await db.dataProduct.findUnique({ where: { key: data.product }, select: { teamId: true } });
  if (!owner) throw new NotFoundError(`Data product "${data.product}"`);
  requirePermission(ctx, "product.update", { teamId: owner.teamId });
  const settings = await getPlatformSettings();
  const result = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tessera.topology'))`;
    const product = await tx.dataProduct.findFirst({ where: { key: data.product, teamId: owner.teamId }, select: { id: true, key: true, outputPorts: { select: { name: true } } } });
    if (!product) throw new NotFoundError(`Data product "${data.product}"`);
    const dataset = await tx.unclaimedDataset.findUnique({ where: { namespace_name: ref } });
    if (!dataset) throw new NotFoundError(`Unclaimed dataset "${ref.namespace}" / "${ref.name}"`);
    const already = (await mapDatasets(tx, [ref])).get(refKey(ref));
    if (already?.product) throw new ConflictError(`The dataset is already served by ${already.product.key}.`, { product: already.product.key });
    if (already?.match === "ambiguous") throw new ConflictError("Several output ports already match this dataset.");
    const taken = new Set(product.outputPorts.map((p) => p.name));
    let name = data.portName ?? portNameFrom(ref.name);
    if (data.portName && taken.has(name)) throw new ConflictError(`${product.key} already has an output port named "${name}".`);
    for (let i = 2; taken.has(name); i++) name = `${portNameFrom(ref.name).slice(0, 58)}-${i}`;
    const port = await tx.outputPort.create({
      data: { productId: product.id, name, kind: data.kind, namespace: ref.namespace, location: ref.name, description: "Claimed from lineage" },
      select: { id: true, name: true, kind: true, namespace: true, location: true },
    });
    await tx.unclaimedDataset.delete({ where: { id: dataset.id } });
    // Replay the stored runs that mention the dataset, for edges touching this product only.
    const events = await tx.lineageEvent.findMany({
      where: { OR: [{ inputs: { array_contains: [ref] } }, { outputs: { array_contains: [ref] } }] },
      orderBy: { eventTime: "asc" },
      select: { runId: true, jobNamespace: true, jobName: true, eventTime: true, inputs: true, outputs: true },
    });
    const runsSeen = new Set<string>();
    const edges = new Map<string, { downstream: string; upstream: string; violation: string | null }>();
    for (const e of events) {
      const runKey = `${e.jobNamespace}\u0000${e.jobName}\u0000${e.runId}`;
      const seen = await observeRun(
        tx,
        { inputs: e.inputs as TDatasetRef[], outputs: e.outputs as TDatasetRef[], job: `${e.jobNamespace}/${e.jobName}`, at: e.eventTime, newRun: !runsSeen.has(runKey) },
        settings.tierRules,
        { onlyProductId: product.id, skipUnclaimed: true },
      );
      runsSeen.add(runKey);
      for (const x of seen.edges) edges.set(x.id, { downstream: x.downstream, upstream: x.upstream, violation: x.violation });
    }
    const after = { product: product.key, port, dataset: ref, seenEvents: dataset.eventCount, edges: [...edges.values()] };
    await writeAudit(tx, ctx, { action: "lineage.claim", entityType: "OutputPort", entityId: port.id, teamId: owner.teamId, productId: product.id, before: { unclaimed: { ...ref, eventCount: dataset.eventCount } }, after });
    return after;
  });
  if (result.edges.length) await recomputeEffectiveStatus().catch((e) => console.error("[tessera] effective status after a claim failed:", e));
  return result;
}
