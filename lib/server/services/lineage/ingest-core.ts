import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { writeAudit } from "../../audit";
import { ValidationError } from "../../errors";
import { jobLabel, uniqueDatasets, ZRunEvent } from "@/lib/domain/lineage/run-event";
import type { TierRuleSettings } from "@/lib/domain/governance/tier-rules";
import { normalizeRef, observeRun, type DatasetOutcome, type EdgeOutcome } from "./observe-event";

export type IngestResult = { status: "accepted" | "duplicate"; eventId: string; runId: string; job: string; datasets: DatasetOutcome[]; edges: EdgeOutcome[] };

/** Validation issues in the API's shape (path + message). */
export function issuesOf(error: { issues: { path: PropertyKey[]; message: string; code?: string }[] }) {
  return error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: i.message, code: i.code }));
}

/**
 * One RunEvent, in one transaction: dedupe, map datasets to products, record observed edges
 * (flagged, never refused) and unclaimed datasets, audit. The caller has authorized.
 */
export async function ingestOne(ctx: Ctx, raw: unknown, settings: TierRuleSettings): Promise<IngestResult> {
  const parsed = ZRunEvent.safeParse(raw);
  if (!parsed.success) throw new ValidationError("The OpenLineage event is not valid.", issuesOf(parsed.error));
  const ev = parsed.data;
  const eventTime = new Date(ev.eventTime);
  const eventType = ev.eventType ?? "OTHER";
  const job = jobLabel(ev.job);
  const inputs = uniqueDatasets(ev.inputs.map(normalizeRef));
  const outputs = uniqueDatasets(ev.outputs.map(normalizeRef));
  const dedupeKey = createHash("sha256").update([ev.run.runId, eventType, eventTime.toISOString(), ev.job.namespace, ev.job.name].join("\u0000")).digest("hex");
  // An event dated in the future counts as seen now.
  const at = eventTime > ctx.now ? ctx.now : eventTime;
  const teamId = ctx.actor.kind === "token" ? ctx.actor.teamId : null;
  return getDb().$transaction(async (tx) => {
    // Same lock as declared dependencies: edges and their cycle checks change one at a time.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tessera.topology'))`;
    const dup = await tx.lineageEvent.findUnique({ where: { dedupeKey }, select: { id: true } });
    if (dup) return { status: "duplicate" as const, eventId: dup.id, runId: ev.run.runId, job, datasets: [], edges: [] };
    const earlier = await tx.lineageEvent.findFirst({ where: { runId: ev.run.runId, jobNamespace: ev.job.namespace, jobName: ev.job.name }, select: { id: true } });
    const row = await tx.lineageEvent.create({
      data: { dedupeKey, runId: ev.run.runId, eventType, eventTime, jobNamespace: ev.job.namespace, jobName: ev.job.name, producer: ev.producer, inputs, outputs, teamId },
      select: { id: true },
    });
    const seen = await observeRun(tx, { inputs, outputs, job, at, newRun: !earlier }, settings);
    await writeAudit(tx, ctx, {
      action: "lineage.ingest",
      entityType: "LineageEvent",
      entityId: row.id,
      teamId,
      after: { runId: ev.run.runId, eventType, job, edges: seen.edges.map((e) => ({ downstream: e.downstream, upstream: e.upstream, created: e.created, violation: e.violation })), unclaimed: seen.datasets.filter((d) => d.match === "unclaimed").map((d) => `${d.namespace}/${d.name}`) },
    });
    return { status: "accepted" as const, eventId: row.id, runId: ev.run.runId, job, datasets: seen.datasets, edges: seen.edges };
  });
}
