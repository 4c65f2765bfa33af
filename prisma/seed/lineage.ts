// Lineage for the demo, sent through the real ingestion service (as a pipeline would): observed
// edges next to declared ones, one flagged read (a marketing job reading orders' SILVER table) and
// a few datasets no product claims yet.
import { randomUUID } from "node:crypto";
import { makeCtx } from "../../lib/server/auth/context";
import { ingestLineageBatch } from "../../lib/server/services/lineage/ingest-lineage-batch";
import { HOUR, type Clock } from "./clock";

const WAREHOUSE = "postgres://warehouse:5432";
const SNOWFLAKE = "snowflake://acme-analytics";
const KAFKA = "kafka://kafka.internal:9092";
const LAKE = "s3://acme-data-lake";
const PRODUCER = "https://github.com/OpenLineage/OpenLineage/tree/1.20.0/integration/airflow";

type Ref = { namespace: string; name: string };
type Job = { namespace: string; name: string; inputs: Ref[]; outputs: Ref[] };

const JOBS: Job[] = [
  {
    // The flagged read: attribution joins orders' internal SILVER table instead of the GOLD contract.
    namespace: "airflow-marketing",
    name: "marketing_attribution.build_gold",
    inputs: [{ namespace: WAREHOUSE, name: "analytics.marketing.campaign_touchpoints_silver" }, { namespace: WAREHOUSE, name: "analytics.orders.order_facts_silver" }, { namespace: WAREHOUSE, name: "analytics.marketing.ad_spend_silver" }],
    outputs: [{ namespace: SNOWFLAKE, name: "analytics.marketing.campaign_attribution_gold" }],
  },
  {
    // Flagged too: the legacy daily summary still reads raw events for same-day counts (GOLD from BRONZE).
    namespace: "airflow-orders",
    name: "legacy_reporting.daily_orders",
    inputs: [{ namespace: KAFKA, name: "orders.order-events.v1" }, { namespace: WAREHOUSE, name: "analytics.orders.order_facts_silver" }],
    outputs: [{ namespace: WAREHOUSE, name: "analytics.reporting.daily_orders" }],
  },
  {
    namespace: "airflow-orders",
    name: "orders_gold.order_facts",
    inputs: [{ namespace: WAREHOUSE, name: "analytics.orders.order_facts_silver" }],
    outputs: [{ namespace: SNOWFLAKE, name: "analytics.orders.order_facts_gold" }, { namespace: WAREHOUSE, name: "analytics.orders.order_facts_gold" }],
  },
  {
    // Unclaimed: a lookup file and a scratch table nobody has declared as a product's port.
    namespace: "spark-marketing",
    name: "sessionize_web_events",
    inputs: [{ namespace: KAFKA, name: "marketing.web-sessions.v3" }, { namespace: LAKE, name: "marketing/reference/utm_campaign_lookup.csv" }],
    outputs: [{ namespace: WAREHOUSE, name: "scratch.marketing.sessions_enriched" }],
  },
  {
    namespace: "airflow-payments",
    name: "finance_recon.daily",
    inputs: [{ namespace: SNOWFLAKE, name: "analytics.orders.order_facts_gold" }, { namespace: WAREHOUSE, name: "finance.ledger_exports" }],
    outputs: [],
  },
];

/** Two daily runs of each job (START and COMPLETE), the last one a few hours ago. */
function events(clock: Clock) {
  return JOBS.flatMap((job, j) =>
    [2, 1].flatMap((daysAgo) => {
      const runId = randomUUID();
      const start = new Date(clock.daysAgo(daysAgo).getTime() - (j + 2) * HOUR);
      return (["START", "COMPLETE"] as const).map((eventType, k) => ({
        eventType,
        eventTime: new Date(start.getTime() + k * 20 * 60_000).toISOString(),
        producer: PRODUCER,
        schemaURL: "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
        run: { runId },
        job: { namespace: job.namespace, name: job.name },
        inputs: job.inputs,
        outputs: job.outputs,
      }));
    }),
  );
}

export async function seedLineage(clock: Clock) {
  const ctx = makeCtx({ kind: "system", label: "demo seed (lineage)" }, { now: clock.now });
  const r = await ingestLineageBatch({ ctx, input: events(clock) });
  if (r.rejected) throw new Error(`lineage seed: ${r.rejected} events rejected: ${JSON.stringify(r.items.filter((i) => i.status === "rejected"))}`);
  return r;
}
