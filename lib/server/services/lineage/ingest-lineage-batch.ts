import "server-only";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { toAppError, ValidationError } from "../../errors";
import { getPlatformSettings } from "../settings/get-platform-settings";
import { recomputeEffectiveStatus } from "../slo/recompute-status";
import { ingestOne, issuesOf, type IngestResult } from "./ingest-core";
import { ZLineageBatch } from "./schemas";

export type BatchItem = { index: number } & ({ status: IngestResult["status"]; eventId: string; edges: IngestResult["edges"]; unclaimed: number } | { status: "rejected"; code: string; message: string; details?: unknown });

/**
 * Up to 500 RunEvents; each is validated and stored in its own transaction, so a bad item is
 * reported with its index and the good ones are kept.
 */
export async function ingestLineageBatch({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "lineage.write");
  const parsed = ZLineageBatch.safeParse(input);
  if (!parsed.success) throw new ValidationError("The batch is not valid: send a JSON array of 1 to 500 RunEvents.", issuesOf(parsed.error));
  const settings = await getPlatformSettings();
  const items: BatchItem[] = [];
  for (const [index, raw] of parsed.data.entries()) {
    try {
      const r = await ingestOne(ctx, raw, settings.tierRules);
      items.push({ index, status: r.status, eventId: r.eventId, edges: r.edges, unclaimed: r.datasets.filter((d) => d.match === "unclaimed").length });
    } catch (e) {
      const err = toAppError(e);
      if (err.status >= 500) throw e;
      items.push({ index, status: "rejected", code: err.code, message: err.message, details: err.details });
    }
  }
  const count = (s: string) => items.filter((i) => i.status === s).length;
  if (items.some((i) => i.status === "accepted" && i.edges.some((e) => e.created))) await recomputeEffectiveStatus().catch((e) => console.error("[tessera] effective status after lineage failed:", e));
  return { received: items.length, accepted: count("accepted"), duplicates: count("duplicate"), rejected: count("rejected"), items };
}
