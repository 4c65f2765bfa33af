import "server-only";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { getPlatformSettings } from "../settings/get-platform-settings";
import { recomputeEffectiveStatus } from "../slo/recompute-status";
import { ingestOne, type IngestResult } from "./ingest-core";

/** A pipeline reports one OpenLineage RunEvent (token with lineage:write). Re-sending it changes nothing. */
export async function ingestLineageEvent({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<IngestResult> {
  requirePermission(ctx, "lineage.write");
  const settings = await getPlatformSettings();
  const result = await ingestOne(ctx, input, settings.tierRules);
  if (result.edges.some((e) => e.created)) await recomputeEffectiveStatus().catch((e) => console.error("[tessera] effective status after lineage failed:", e));
  return result;
}
