// OpenLineage RunEvents built the way real producers send them (they validate against
// ../shared/fixtures/openlineage/OpenLineage.json), and output ports that make datasets map.
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/server/db/client";
import { makeCtx, type Ctx } from "@/lib/server/auth/context";

export const WAREHOUSE = "postgres://warehouse.internal:5432";
type Ref = { namespace: string; name: string };

/** Gives the product an output port (a table in the warehouse) and returns its dataset. */
export async function portFor(product: { id: string; key: string }, opts: { namespace?: string; name?: string } = {}): Promise<Ref> {
  const ref = { namespace: opts.namespace ?? WAREHOUSE, name: opts.name ?? `analytics.${product.key.replace(/\./g, "_")}` };
  await getDb().outputPort.create({ data: { productId: product.id, name: `table-${randomUUID().slice(0, 6)}`, kind: "TABLE", platform: "postgres", namespace: ref.namespace, location: ref.name } });
  return ref;
}

const withFacets = (r: Ref, i: number) => ({
  ...r,
  facets: {
    schema: {
      _producer: "https://github.com/OpenLineage/OpenLineage/tree/1.20.0/integration/spark",
      _schemaURL: "https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet",
      fields: [{ name: `col_${i}`, type: "VARCHAR" }],
    },
  },
});

export function lineageEvent(opts: { inputs?: Ref[]; outputs?: Ref[]; runId?: string; eventType?: string; eventTime?: string; job?: { namespace: string; name: string } } = {}) {
  return {
    eventType: opts.eventType ?? "COMPLETE",
    eventTime: opts.eventTime ?? new Date(Date.now() - 60_000).toISOString(),
    producer: "https://github.com/OpenLineage/OpenLineage/tree/1.20.0/integration/airflow",
    schemaURL: "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
    run: { runId: opts.runId ?? randomUUID(), facets: { nominalTime: { _producer: "https://example.com/p", _schemaURL: "https://openlineage.io/spec/facets/1-0-0/NominalTimeRunFacet.json", nominalStartTime: "2026-11-20T02:00:00Z" } } },
    job: { ...(opts.job ?? { namespace: "airflow-prod", name: `job_${randomUUID().slice(0, 6)}` }), facets: {} },
    inputs: (opts.inputs ?? []).map(withFacets),
    outputs: (opts.outputs ?? []).map(withFacets),
  };
}

/** A lineage:write token stored in the database (audit rows reference it). */
export async function lineageToken(teamId: string, now?: Date): Promise<Ctx> {
  const t = await getDb().apiToken.create({ data: { teamId, name: "lineage", prefix: randomUUID().slice(0, 8), tokenHash: randomUUID(), scopes: ["LINEAGE_WRITE"] } });
  return makeCtx({ kind: "token", tokenId: t.id, teamId, scopes: ["LINEAGE_WRITE"], label: "token lineage" }, { now });
}
