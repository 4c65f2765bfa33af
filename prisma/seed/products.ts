// The ~30 data products of the demo mesh: topic x tier, with their output ports.
import type { ReliabilityClass, Tier } from "../../lib/domain/product-key";

export type PortDef = {
  name: string;
  kind: "TABLE" | "TOPIC" | "API" | "FILE";
  platform: string;
  namespace: string;
  location: string;
  description?: string;
};

export type ProductDef = {
  domain: string;
  topic: string;
  tier: Tier;
  name: string;
  description: string;
  tags: string[];
  reliabilityClass: ReliabilityClass;
  lifecycleStatus: "ACTIVE" | "DEPRECATED" | "RETIRED";
  requiresApproval?: boolean;
  /** Streaming products report freshness every 15 minutes, the others hourly. */
  streaming?: boolean;
  ports: PortDef[];
};

const KAFKA = "kafka://kafka.internal:9092";
const WAREHOUSE = "postgres://warehouse:5432";
const SNOWFLAKE = "snowflake://acme-analytics";
const LAKE = "s3://acme-data-lake";

const kafka = (topic: string): PortDef => ({ name: "events", kind: "TOPIC", platform: "kafka", namespace: KAFKA, location: topic, description: "Avro, keyed by entity id; schema in the schema registry." });
const pgTable = (location: string): PortDef => ({ name: "warehouse", kind: "TABLE", platform: "postgres", namespace: WAREHOUSE, location });
const sfTable = (location: string): PortDef => ({ name: "snowflake", kind: "TABLE", platform: "snowflake", namespace: SNOWFLAKE, location, description: "Shared to consumer accounts through the analytics share." });

export const PRODUCTS: ProductDef[] = [
  // ------------------------------------------------------------ orders
  {
    domain: "orders", topic: "order_events", tier: "BRONZE", name: "Order events (raw)",
    description: "Every order state change as emitted by orders-service through CDC: unordered, may contain duplicates and late events, complete and replayable.",
    tags: ["orders", "events", "cdc", "raw"], reliabilityClass: "EXPLORATORY", lifecycleStatus: "ACTIVE", streaming: true,
    ports: [kafka("orders.order-events.v1")],
  },
  {
    domain: "orders", topic: "order_facts", tier: "SILVER", name: "Order facts (cleaned)",
    description: "One row per order, deduplicated and with the latest status; currencies and countries conformed. Internal working set of the orders domain.",
    tags: ["orders", "revenue"], reliabilityClass: "DECISION_SUPPORT", lifecycleStatus: "ACTIVE",
    ports: [pgTable("analytics.orders.order_facts_silver")],
  },
  {
    domain: "orders", topic: "order_facts", tier: "GOLD", name: "Order facts",
    description: "Decision-grade order facts: one row per confirmed order with gross and net amounts, status and channel. The company-wide source for revenue reporting and attribution.",
    tags: ["orders", "revenue", "finance", "kpi"], reliabilityClass: "DECISION_SUPPORT", lifecycleStatus: "ACTIVE", requiresApproval: true,
    ports: [sfTable("analytics.orders.order_facts_gold"), pgTable("analytics.orders.order_facts_gold")],
  },
  {
    domain: "orders", topic: "returns", tier: "BRONZE", name: "Return requests (raw)",
    description: "Return requests as created in returns-service, including abandoned ones. Raw JSON payloads flattened to columns.",
    tags: ["orders", "returns", "raw"], reliabilityClass: "EXPLORATORY", lifecycleStatus: "ACTIVE", streaming: true,
    ports: [kafka("orders.return-requests.v1")],
  },
  {
    domain: "orders", topic: "returns", tier: "SILVER", name: "Returns (cleaned)",
    description: "Return requests joined to their orders, abandoned requests removed, reasons normalised to the returns taxonomy.",
    tags: ["orders", "returns"], reliabilityClass: "DECISION_SUPPORT", lifecycleStatus: "ACTIVE",
    ports: [pgTable("analytics.orders.returns_silver")],
  },
  {
    domain: "orders", topic: "returns", tier: "GOLD", name: "Returns",
    description: "One row per returned order line with reason, refund status and return rate inputs; reconciled nightly against payments refunds.",
    tags: ["orders", "returns", "kpi"], reliabilityClass: "DECISION_SUPPORT", lifecycleStatus: "ACTIVE",
    ports: [sfTable("analytics.orders.returns_gold")],
  },
  {
    domain: "orders", topic: "daily_orders", tier: "GOLD", name: "Daily orders (legacy)",
    description: "The old topic-only daily order summary that mixed raw and curated data. Replaced by orders.order_facts.gold; kept for the weekly business review until its sunset.",
    tags: ["orders", "legacy", "kpi"], reliabilityClass: "DECISION_SUPPORT", lifecycleStatus: "DEPRECATED",
    ports: [pgTable("analytics.reporting.daily_orders")],
  },
  // ------------------------------------------------------------ inventory
  {
    domain: "inventory", topic: "stock_movements", tier: "BRONZE", name: "Stock movements (raw)",
    description: "Receipts, picks, transfers and adjustments from inventory-service and warehouse RFID gates, as emitted.",
    tags: ["inventory", "events", "raw", "rfid"], reliabilityClass: "EXPLORATORY", lifecycleStatus: "ACTIVE", streaming: true,
    ports: [kafka("inventory.stock-movements.v2")],
  },
  {
    domain: "inventory", topic: "warehouse_snapshots", tier: "BRONZE", name: "Warehouse snapshots (raw)",
    description: "Nightly full stock counts exported by the warehouse management system as Parquet files. Used to correct drift in the movement stream.",
    tags: ["inventory", "raw", "files"], reliabilityClass: "EXPLORATORY", lifecycleStatus: "ACTIVE",
    ports: [{ name: "files", kind: "FILE", platform: "s3", namespace: LAKE, location: "inventory/raw/warehouse_snapshots/", description: "Parquet, one folder per day (dt=YYYY-MM-DD)." }],
  },
  {
    domain: "inventory", topic: "stock_levels", tier: "SILVER", name: "Stock levels (cleaned)",
    description: "Current on-hand, reserved and sellable units per SKU and location, rebuilt from movements and corrected by nightly snapshots.",
    tags: ["inventory", "stock", "near-real-time"], reliabilityClass: "OPERATIONAL", lifecycleStatus: "ACTIVE",
    ports: [pgTable("analytics.inventory.stock_levels_silver")],
  },
  {
    domain: "inventory", topic: "stock_levels", tier: "GOLD", name: "Stock levels",
    description: "Sellable stock per SKU and location, the figure the shop promises to customers and replenishment automation orders against.",
    tags: ["inventory", "stock", "automation", "near-real-time"], reliabilityClass: "OPERATIONAL", lifecycleStatus: "ACTIVE", requiresApproval: true,
    ports: [pgTable("analytics.inventory.stock_levels_gold"), { name: "api", kind: "API", platform: "rest", namespace: "https://api.internal", location: "/inventory/v1/stock-levels", description: "Read API, 1,000 requests per minute per consumer." }],
  },
  {
    domain: "inventory", topic: "sku_availability", tier: "GOLD", name: "SKU availability",
    description: "Days of cover and out-of-stock flags per SKU, from sellable stock and recent demand. Drives the buying team's daily replenishment list.",
    tags: ["inventory", "stock", "replenishment"], reliabilityClass: "OPERATIONAL", lifecycleStatus: "ACTIVE",
    ports: [sfTable("analytics.inventory.sku_availability_gold")],
  },
  // ------------------------------------------------------------ customer
  {
    domain: "customer", topic: "customer_profile", tier: "BRONZE", name: "Customer profiles (raw)",
    description: "Account records from the shop's customer service and Shopify, unmasked. Access restricted to the customer team.",
    tags: ["customer", "pii", "raw"], reliabilityClass: "EXPLORATORY", lifecycleStatus: "ACTIVE",
    ports: [pgTable("raw.customer.customer_accounts")],
  },
  {
    domain: "customer", topic: "customer_profile", tier: "SILVER", name: "Customer profiles (cleaned)",
    description: "One row per customer after identity resolution (guest checkouts merged by verified email), addresses standardised. Contains PII.",
    tags: ["customer", "pii", "identity"], reliabilityClass: "DECISION_SUPPORT", lifecycleStatus: "ACTIVE",
    ports: [pgTable("analytics.customer.customer_profile_silver")],
  },
  {
    domain: "customer", topic: "customer_profile", tier: "GOLD", name: "Customer profile",
    description: "One row per customer with country, signup date, lifetime order count and loyalty tier. Direct identifiers are masked (hashed email and phone).",
    tags: ["customer", "pii-masked", "kpi"], reliabilityClass: "DECISION_SUPPORT", lifecycleStatus: "ACTIVE", requiresApproval: true,
    ports: [sfTable("analytics.customer.customer_profile_gold")],
  },
  {
    domain: "customer", topic: "customer_segments", tier: "GOLD", name: "Customer segments",
    description: "Nightly RFM segment per customer (champions, loyal, at risk, hibernating...) computed from order and payment history.",
    tags: ["customer", "segmentation", "crm"], reliabilityClass: "DECISION_SUPPORT", lifecycleStatus: "ACTIVE",
    ports: [sfTable("analytics.customer.customer_segments_gold")],
  },
  {
    domain: "customer", topic: "consent", tier: "SILVER", name: "Consent records (cleaned)",
    description: "Consent decisions per customer and purpose from the consent management platform, latest decision wins.",
    tags: ["customer", "consent", "gdpr"], reliabilityClass: "OPERATIONAL", lifecycleStatus: "ACTIVE",
    ports: [pgTable("analytics.customer.consent_silver")],
  },
  {
    domain: "customer", topic: "consent", tier: "GOLD", name: "Marketing consent",
    description: "Whether each customer may be contacted or profiled, per purpose. Every campaign audience must be filtered through it.",
    tags: ["customer", "consent", "gdpr", "automation"], reliabilityClass: "OPERATIONAL", lifecycleStatus: "ACTIVE",
    ports: [sfTable("analytics.customer.consent_gold"), { name: "api", kind: "API", platform: "rest", namespace: "https://api.internal", location: "/customer/v1/consent" }],
  },
  // ------------------------------------------------------------ payments
  {
    domain: "payments", topic: "payment_events", tier: "BRONZE", name: "PSP webhook events (raw)",
    description: "Webhook events from our payment service providers (Stripe, Adyen) as received: at-least-once, out of order.",
    tags: ["payments", "events", "raw", "psp"], reliabilityClass: "EXPLORATORY", lifecycleStatus: "ACTIVE", streaming: true,
    ports: [kafka("payments.psp-webhooks.v1")],
  },
  {
    domain: "payments", topic: "payment_transactions", tier: "SILVER", name: "Payment transactions (cleaned)",
    description: "One row per payment attempt with its latest state, PSP references normalised across providers.",
    tags: ["payments", "transactions"], reliabilityClass: "DECISION_SUPPORT", lifecycleStatus: "ACTIVE",
    ports: [pgTable("analytics.payments.payment_transactions_silver")],
  },
  {
    domain: "payments", topic: "payment_transactions", tier: "GOLD", name: "Payment transactions",
    description: "Captured, refunded and failed payments per order with amounts in original currency and EUR. Reconciled daily against order facts and PSP settlement reports.",
    tags: ["payments", "transactions", "finance", "reconciliation"], reliabilityClass: "DECISION_SUPPORT", lifecycleStatus: "ACTIVE", requiresApproval: true,
    ports: [sfTable("analytics.payments.payment_transactions_gold")],
  },
  {
    domain: "payments", topic: "refunds", tier: "SILVER", name: "Refunds (cleaned)",
    description: "Refund requests and PSP confirmations matched into one row per refund.",
    tags: ["payments", "refunds"], reliabilityClass: "DECISION_SUPPORT", lifecycleStatus: "ACTIVE",
    ports: [pgTable("analytics.payments.refunds_silver")],
  },
  {
    domain: "payments", topic: "refunds", tier: "GOLD", name: "Refunds",
    description: "Confirmed refunds with amount, reason and the order they belong to; the truth for refund totals in finance reporting.",
    tags: ["payments", "refunds", "finance"], reliabilityClass: "DECISION_SUPPORT", lifecycleStatus: "ACTIVE",
    ports: [sfTable("analytics.payments.refunds_gold")],
  },
  // ------------------------------------------------------------ marketing
  {
    domain: "marketing", topic: "ad_spend", tier: "BRONZE", name: "Ad spend (raw)",
    description: "Daily spend, impressions and clicks pulled from the Google Ads and Meta APIs; restatements by the platforms arrive for up to 3 days.",
    tags: ["marketing", "ads", "raw"], reliabilityClass: "EXPLORATORY", lifecycleStatus: "ACTIVE",
    ports: [pgTable("raw.marketing.ad_platform_spend")],
  },
  {
    domain: "marketing", topic: "ad_spend", tier: "SILVER", name: "Ad spend (cleaned)",
    description: "Spend per campaign and day in EUR, platform restatements applied, campaigns mapped to the internal campaign codes.",
    tags: ["marketing", "ads", "spend"], reliabilityClass: "DECISION_SUPPORT", lifecycleStatus: "ACTIVE",
    ports: [pgTable("analytics.marketing.ad_spend_silver")],
  },
  {
    domain: "marketing", topic: "web_sessions", tier: "BRONZE", name: "Web sessions (raw)",
    description: "Clickstream sessions with UTM parameters from the web and app trackers. Bot traffic not yet removed.",
    tags: ["marketing", "clickstream", "raw"], reliabilityClass: "EXPLORATORY", lifecycleStatus: "ACTIVE", streaming: true,
    ports: [kafka("marketing.web-sessions.v3")],
  },
  {
    domain: "marketing", topic: "campaign_attribution", tier: "SILVER", name: "Campaign touchpoints",
    description: "Sessions and clicks attributed to campaigns within the 30-day lookback window, bots removed.",
    tags: ["marketing", "attribution"], reliabilityClass: "DECISION_SUPPORT", lifecycleStatus: "ACTIVE",
    ports: [pgTable("analytics.marketing.campaign_touchpoints_silver")],
  },
  {
    domain: "marketing", topic: "campaign_attribution", tier: "GOLD", name: "Campaign attribution",
    description: "Net order revenue attributed to campaigns (position-based 40/20/40) with spend and ROAS per campaign and day.",
    tags: ["marketing", "attribution", "roas", "kpi"], reliabilityClass: "DECISION_SUPPORT", lifecycleStatus: "ACTIVE",
    ports: [sfTable("analytics.marketing.campaign_attribution_gold")],
  },
  {
    domain: "marketing", topic: "email_clicks", tier: "BRONZE", name: "Email clicks (retired)",
    description: "Click events from the former email service provider. The provider was replaced; clicks now arrive with web sessions.",
    tags: ["marketing", "email", "raw"], reliabilityClass: "EXPLORATORY", lifecycleStatus: "RETIRED",
    ports: [pgTable("raw.marketing.esp_email_clicks")],
  },
  // ------------------------------------------------------------ conformed (platform team)
  {
    domain: "conformed", topic: "dim_date", tier: "GOLD", name: "Date dimension",
    description: "One row per calendar day from 2000 to 2040 with ISO and fiscal week, fiscal year and public holidays per country.",
    tags: ["conformed", "dimension", "calendar"], reliabilityClass: "DECISION_SUPPORT", lifecycleStatus: "ACTIVE",
    ports: [sfTable("analytics.conformed.dim_date")],
  },
  {
    domain: "conformed", topic: "dim_currency", tier: "GOLD", name: "Currency dimension",
    description: "ISO 4217 currencies with minor units and the currencies we accept at checkout.",
    tags: ["conformed", "dimension", "currency", "iso-4217"], reliabilityClass: "DECISION_SUPPORT", lifecycleStatus: "ACTIVE",
    ports: [sfTable("analytics.conformed.dim_currency")],
  },
  {
    domain: "conformed", topic: "dim_country", tier: "GOLD", name: "Country dimension",
    description: "ISO 3166 countries with region, sales market and VAT rate: the conformed geography (dim_geo) of the company.",
    tags: ["conformed", "dimension", "geography", "iso-3166"], reliabilityClass: "DECISION_SUPPORT", lifecycleStatus: "ACTIVE",
    ports: [sfTable("analytics.conformed.dim_country")],
  },
  {
    domain: "conformed", topic: "fx_rates", tier: "GOLD", name: "Daily exchange rates",
    description: "ECB euro reference rates per day and currency, carried forward over weekends and holidays.",
    tags: ["conformed", "currency", "finance", "fx"], reliabilityClass: "DECISION_SUPPORT", lifecycleStatus: "ACTIVE",
    ports: [sfTable("analytics.conformed.fx_rates")],
  },
];

export const keyOf = (p: { domain: string; topic: string; tier: Tier }) => `${p.domain}.${p.topic}.${p.tier.toLowerCase()}`;
