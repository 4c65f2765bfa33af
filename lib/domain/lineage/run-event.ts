// The part of an OpenLineage RunEvent (spec 2-0-2) that lineage needs. Everything else (facets,
// unknown fields) is accepted and ignored, never an error: producers add facets freely.
import { z } from "zod";

const text = (max: number) => z.string().trim().min(1).max(max);

export const ZDatasetRef = z.looseObject({
  namespace: text(500).meta({ description: "Dataset namespace, e.g. postgres://warehouse:5432 or s3://bucket" }),
  name: text(1000).meta({ description: "Dataset name inside the namespace, e.g. analytics.orders_silver" }),
});
export type TDatasetRef = { namespace: string; name: string };

export const ZRunEvent = z
  .looseObject({
    eventType: z.enum(["START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER"]).optional().meta({ description: "Run state transition; absent means OTHER" }),
    eventTime: z.iso.datetime({ offset: true }).meta({ description: "When the event occurred (ISO 8601)" }),
    producer: text(2000).meta({ description: "URI of the producer of this metadata" }),
    schemaURL: text(2000).meta({ description: "URL of the OpenLineage schema version the event follows" }),
    run: z.looseObject({ runId: text(200).meta({ description: "Unique id of the run (a UUID in the spec)" }) }),
    job: z.looseObject({ namespace: text(500), name: text(1000) }),
    inputs: z.array(ZDatasetRef).max(1000).default([]),
    outputs: z.array(ZDatasetRef).max(1000).default([]),
  })
  .meta({ description: "An OpenLineage RunEvent (https://openlineage.io/spec/2-0-2/OpenLineage.json). Facets are accepted and ignored." });
export type TRunEvent = z.output<typeof ZRunEvent>;

/** The same dataset listed twice in one event counts once. */
export function uniqueDatasets(refs: readonly TDatasetRef[]): TDatasetRef[] {
  const seen = new Set<string>();
  const out: TDatasetRef[] = [];
  for (const r of refs) {
    const k = `${r.namespace}\u0000${r.name}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push({ namespace: r.namespace, name: r.name });
    }
  }
  return out;
}

export const jobLabel = (job: { namespace: string; name: string }) => `${job.namespace}/${job.name}`;

/** Keeps a short most-recent-first list of distinct labels. */
export function pushRecent(list: readonly string[], label: string, max = 20): string[] {
  return [label, ...list.filter((l) => l !== label)].slice(0, max);
}
