// Source systems and declared dependencies (observed ones come from prisma/seed/lineage.ts). Cross-domain edges come from
// subscriptions (subscriptions.ts); inside a domain: silver reads bronze, gold reads silver.

export type Kind = "HARD" | "SOFT" | "CONTROL" | "TRUTH";

export type SourceDef = { slug: string; name: string; kind: string; team: string | null; description: string };

export const SOURCES: SourceDef[] = [
  { slug: "orders_service_db", name: "orders-service Postgres", kind: "database", team: "orders", description: "Transactional database of the checkout and order service; CDC via Debezium." },
  { slug: "returns_service", name: "returns-service", kind: "service", team: "orders", description: "Service behind the returns portal; publishes return requests to Kafka." },
  { slug: "inventory_service", name: "inventory-service", kind: "service", team: "inventory", description: "Books receipts, picks and transfers." },
  { slug: "rfid_gates", name: "Warehouse RFID gates", kind: "device", team: "inventory", description: "Gate readers at warehouse doors, batching reads every few minutes." },
  { slug: "wms_exports", name: "Warehouse management system exports", kind: "file", team: "inventory", description: "Nightly Parquet exports of full stock counts." },
  { slug: "shopify", name: "Shopify", kind: "saas", team: "customer", description: "Marketplace storefront: customer accounts of the marketplace channel." },
  { slug: "customer_service_db", name: "customer-service Postgres", kind: "database", team: "customer", description: "Accounts, addresses and login data of the shop." },
  { slug: "consent_platform", name: "Consent management platform", kind: "saas", team: "customer", description: "Records consent decisions from the cookie banner, checkout and preference center." },
  { slug: "stripe", name: "Stripe", kind: "psp", team: "payments", description: "Card and wallet payments (webhooks)." },
  { slug: "adyen", name: "Adyen", kind: "psp", team: "payments", description: "Card payments in the Nordics and local methods (webhooks)." },
  { slug: "psp_settlement_reports", name: "PSP settlement reports", kind: "file", team: "payments", description: "Daily settlement files from the PSPs: the reference for reconciliation." },
  { slug: "google_ads_api", name: "Google Ads API", kind: "api", team: "marketing", description: "Reporting API for spend, impressions and clicks." },
  { slug: "meta_marketing_api", name: "Meta Marketing API", kind: "api", team: "marketing", description: "Reporting API for Facebook and Instagram campaigns." },
  { slug: "web_tracker", name: "Web and app tracker", kind: "service", team: "marketing", description: "First-party clickstream collector (Snowplow)." },
  { slug: "ecb_reference_rates", name: "ECB euro reference rates", kind: "api", team: "platform", description: "Daily reference rates published by the European Central Bank around 16:00 CET." },
  { slug: "kafka_schema_registry", name: "Kafka schema registry", kind: "schema-registry", team: "platform", description: "Avro schemas of every Kafka topic; producers cannot publish incompatible schemas." },
  { slug: "airflow", name: "Airflow orchestrator", kind: "orchestrator", team: "platform", description: "Schedules the batch pipelines of every domain." },
];

export type EdgeDef = {
  downstream: string;
  /** A product key, or "source:<slug>". */
  upstream: string;
  kind: Kind;
  description: string;
};

const src = (slug: string) => `source:${slug}`;

export const EDGES: EdgeDef[] = [
  // orders
  { downstream: "orders.order_events.bronze", upstream: src("orders_service_db"), kind: "HARD", description: "CDC of the orders tables." },
  { downstream: "orders.order_events.bronze", upstream: src("kafka_schema_registry"), kind: "CONTROL", description: "Event schema is validated on produce." },
  { downstream: "orders.order_facts.silver", upstream: "orders.order_events.bronze", kind: "HARD", description: "Deduplicated and folded into one row per order." },
  { downstream: "orders.order_facts.gold", upstream: "orders.order_facts.silver", kind: "HARD", description: "Test orders removed, contract columns selected." },
  { downstream: "orders.order_facts.gold", upstream: src("airflow"), kind: "CONTROL", description: "Hourly DAG orders_gold." },
  { downstream: "orders.returns.bronze", upstream: src("returns_service"), kind: "HARD", description: "Return requests topic." },
  { downstream: "orders.returns.silver", upstream: "orders.returns.bronze", kind: "HARD", description: "Requests normalised and deduplicated." },
  { downstream: "orders.returns.silver", upstream: "orders.order_facts.silver", kind: "SOFT", description: "Order context for the returned lines." },
  { downstream: "orders.returns.gold", upstream: "orders.returns.silver", kind: "HARD", description: "Returns per order line." },
  { downstream: "orders.daily_orders.gold", upstream: "orders.order_facts.silver", kind: "HARD", description: "Daily aggregation." },
  // inventory
  { downstream: "inventory.stock_movements.bronze", upstream: src("inventory_service"), kind: "HARD", description: "Movement events." },
  { downstream: "inventory.stock_movements.bronze", upstream: src("rfid_gates"), kind: "HARD", description: "Gate reads." },
  { downstream: "inventory.stock_movements.bronze", upstream: src("kafka_schema_registry"), kind: "CONTROL", description: "Event schema is validated on produce." },
  { downstream: "inventory.warehouse_snapshots.bronze", upstream: src("wms_exports"), kind: "HARD", description: "Nightly files." },
  { downstream: "inventory.stock_levels.silver", upstream: "inventory.stock_movements.bronze", kind: "HARD", description: "Stock rebuilt from the movement stream." },
  { downstream: "inventory.stock_levels.silver", upstream: "inventory.warehouse_snapshots.bronze", kind: "TRUTH", description: "Nightly counts reconcile the rebuilt stock." },
  { downstream: "inventory.stock_levels.gold", upstream: "inventory.stock_levels.silver", kind: "HARD", description: "Sellable stock from cleaned positions." },
  { downstream: "inventory.sku_availability.gold", upstream: "inventory.stock_levels.gold", kind: "HARD", description: "Sellable totals per SKU." },
  // customer
  { downstream: "customer.customer_profile.bronze", upstream: src("customer_service_db"), kind: "HARD", description: "Nightly extract of accounts." },
  { downstream: "customer.customer_profile.bronze", upstream: src("shopify"), kind: "HARD", description: "Marketplace customers." },
  { downstream: "customer.customer_profile.silver", upstream: "customer.customer_profile.bronze", kind: "HARD", description: "Identity resolution." },
  { downstream: "customer.customer_profile.gold", upstream: "customer.customer_profile.silver", kind: "HARD", description: "Masking and lifetime counters." },
  { downstream: "customer.customer_segments.gold", upstream: "customer.customer_profile.silver", kind: "HARD", description: "Customer base for segmentation." },
  { downstream: "customer.consent.silver", upstream: src("consent_platform"), kind: "HARD", description: "Consent decisions stream." },
  { downstream: "customer.consent.silver", upstream: "customer.customer_profile.silver", kind: "SOFT", description: "Maps CMP identities to customer ids." },
  { downstream: "customer.consent.gold", upstream: "customer.consent.silver", kind: "HARD", description: "Current decision per purpose." },
  // payments
  { downstream: "payments.payment_events.bronze", upstream: src("stripe"), kind: "HARD", description: "Stripe webhooks." },
  { downstream: "payments.payment_events.bronze", upstream: src("adyen"), kind: "HARD", description: "Adyen notifications." },
  { downstream: "payments.payment_events.bronze", upstream: src("kafka_schema_registry"), kind: "CONTROL", description: "Event schema is validated on produce." },
  { downstream: "payments.payment_transactions.silver", upstream: "payments.payment_events.bronze", kind: "HARD", description: "Events folded into one row per payment." },
  { downstream: "payments.payment_transactions.gold", upstream: "payments.payment_transactions.silver", kind: "HARD", description: "Settled payments only." },
  { downstream: "payments.payment_transactions.gold", upstream: src("psp_settlement_reports"), kind: "TRUTH", description: "Daily reconciliation of captured totals." },
  { downstream: "payments.refunds.silver", upstream: "payments.payment_events.bronze", kind: "HARD", description: "Refund events." },
  { downstream: "payments.refunds.silver", upstream: "payments.payment_transactions.silver", kind: "SOFT", description: "Payment context for refunds." },
  { downstream: "payments.refunds.gold", upstream: "payments.refunds.silver", kind: "HARD", description: "Confirmed refunds." },
  // marketing
  { downstream: "marketing.ad_spend.bronze", upstream: src("google_ads_api"), kind: "HARD", description: "Daily pull." },
  { downstream: "marketing.ad_spend.bronze", upstream: src("meta_marketing_api"), kind: "HARD", description: "Daily pull." },
  { downstream: "marketing.ad_spend.silver", upstream: "marketing.ad_spend.bronze", kind: "HARD", description: "Restatements applied, EUR conversion." },
  { downstream: "marketing.web_sessions.bronze", upstream: src("web_tracker"), kind: "HARD", description: "Collector stream." },
  { downstream: "marketing.web_sessions.bronze", upstream: src("kafka_schema_registry"), kind: "CONTROL", description: "Event schema is validated on produce." },
  { downstream: "marketing.campaign_attribution.silver", upstream: "marketing.web_sessions.bronze", kind: "HARD", description: "Sessions with UTM parameters." },
  { downstream: "marketing.campaign_attribution.gold", upstream: "marketing.campaign_attribution.silver", kind: "HARD", description: "Touchpoints for the attribution model." },
  { downstream: "marketing.campaign_attribution.gold", upstream: "marketing.ad_spend.silver", kind: "HARD", description: "Spend for ROAS." },
  { downstream: "marketing.campaign_attribution.gold", upstream: src("airflow"), kind: "CONTROL", description: "Daily DAG marketing_attribution." },
  // conformed
  { downstream: "conformed.fx_rates.gold", upstream: src("ecb_reference_rates"), kind: "HARD", description: "Daily rates file." },
  { downstream: "conformed.dim_date.gold", upstream: src("airflow"), kind: "CONTROL", description: "Daily rebuild DAG." },
];
