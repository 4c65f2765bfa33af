// Words for the synthetic benchmark catalog: business areas, entities, topic suffixes, field names
// and description phrases, combined by the generator so names and texts look like a real data mesh
// (shared words such as "order" or "customer" across domains, ids in many schemas).

/** Business areas; a domain is an area with a qualifier (region, channel, business unit). */
export const AREAS = [
  "orders", "payments", "customer", "inventory", "shipping", "marketing", "pricing", "catalog", "returns", "billing",
  "loyalty", "fraud", "supply", "procurement", "warehouse", "logistics", "finance", "accounting", "payroll", "hr",
  "recruiting", "support", "crm", "sales", "partners", "subscriptions", "ads", "search", "recommendations", "reviews",
  "identity", "risk", "compliance", "legal", "tax", "treasury", "stores", "merchandising", "assortment", "forecasting",
  "fleet", "delivery", "claims", "insurance", "lending", "onboarding", "messaging", "notifications", "content", "media",
];
export const QUALIFIERS = [
  "core", "emea", "amer", "apac", "retail", "wholesale", "online", "mobile", "b2b", "marketplace",
  "uk", "de", "fr", "us", "nordics", "latam", "japan", "india", "platform", "legacy",
];

/** Business entities (topic stems). */
export const ENTITIES = [
  "order", "order_line", "customer", "customer_profile", "account", "payment", "refund", "invoice", "invoice_line", "shipment",
  "parcel", "delivery", "return", "product", "sku", "price", "promotion", "coupon", "campaign", "ad_impression",
  "click", "session", "page_view", "search_query", "recommendation", "review", "rating", "cart", "checkout", "basket",
  "stock_level", "stock_movement", "warehouse_slot", "supplier", "purchase_order", "contract", "employee", "timesheet", "payslip", "candidate",
  "ticket", "conversation", "call", "lead", "opportunity", "quote", "subscription", "plan", "churn", "loyalty_point",
  "fraud_signal", "chargeback", "dispute", "risk_score", "kyc_check", "tax_line", "ledger_entry", "journal", "budget", "forecast",
  "store", "store_visit", "footfall", "assortment", "category", "brand", "vehicle", "route", "driver", "claim",
  "policy", "loan", "repayment", "device", "notification", "email_send", "push_message", "article", "video_play", "consent",
  "address", "geo_region", "currency_rate", "exchange", "settlement", "payout", "merchant", "partner", "commission", "affiliate",
  "membership", "gift_card", "voucher", "warranty", "repair", "installation", "booking", "reservation", "cancellation", "feedback",
  "survey_response", "nps_score", "experiment", "feature_flag", "model_score", "prediction", "anomaly", "incident", "alert", "sla_breach",
  "api_call", "login", "signup", "password_reset", "audit_event", "permission", "role", "team_member", "cost_center", "headcount",
];
export const SUFFIXES = [
  "events", "facts", "snapshots", "daily", "hourly", "monthly", "history", "changes", "dim", "summary",
  "metrics", "kpis", "features", "status", "lines", "aggregates", "ledger", "cohorts", "funnel", "attribution",
  "latest", "scd2", "stream", "audit", "quality",
];
export const SUFFIX_PHRASES: Record<string, string> = {
  events: "every change as an event", facts: "one row per business fact", snapshots: "periodic snapshots", daily: "daily aggregates",
  hourly: "hourly aggregates", monthly: "monthly rollups", history: "the full history", changes: "change data capture",
  dim: "a conformed dimension", summary: "a summary for reporting", metrics: "operational metrics", kpis: "key performance indicators",
  features: "machine learning features", status: "the latest status", lines: "one row per line item", aggregates: "pre-computed aggregates",
  ledger: "an append-only ledger", cohorts: "cohort membership", funnel: "funnel steps and conversion", attribution: "marketing attribution",
  latest: "the latest state per key", scd2: "slowly changing history (type 2)", stream: "a low-latency stream", audit: "an audit trail",
  quality: "data quality results",
};

export const TEAM_WORDS = [
  "Atlas", "Beacon", "Cobalt", "Delta", "Ember", "Falcon", "Granite", "Harbor", "Indigo", "Juniper",
  "Kestrel", "Lumen", "Meridian", "Nimbus", "Onyx", "Pioneer", "Quartz", "Raven", "Summit", "Tidal",
  "Umbra", "Vertex", "Willow", "Xenon", "Yonder", "Zephyr",
];

export const TAGS = [
  "pii", "finance", "kpi", "revenue", "gdpr", "raw", "curated", "events", "cdc", "ml", "reporting", "realtime", "batch",
  "legacy", "experimental", "regulatory", "sox", "marketing", "ops", "b2b", "b2c", "sensitive", "public", "forecast",
  "dimension", "reference", "streaming", "quality", "audit", "cost",
];

/** Field name, type, description (entity-specific ids are added by the generator). */
export const FIELDS: [string, string, string][] = [
  ["created_at", "timestamp", "When the record was created in the source system, UTC."],
  ["updated_at", "timestamp", "When the record last changed, UTC."],
  ["event_ts", "timestamp", "Time of the business event, not of its capture."],
  ["ingested_at", "timestamp", "Time the row landed in the platform."],
  ["amount", "decimal(12,2)", "Monetary amount in the row currency."],
  ["net_amount", "decimal(12,2)", "Amount after discounts and before tax."],
  ["gross_amount", "decimal(12,2)", "Amount before discounts."],
  ["tax_amount", "decimal(12,2)", "Tax charged, in the row currency."],
  ["currency", "string", "ISO 4217 currency code."],
  ["country_code", "string", "ISO 3166-1 alpha-2 country."],
  ["status", "string", "Lifecycle status of the record."],
  ["channel", "string", "Sales or contact channel (web, app, store, phone)."],
  ["quantity", "integer", "Number of units."],
  ["unit_price", "decimal(12,2)", "Price of one unit."],
  ["discount", "decimal(12,2)", "Discount applied."],
  ["email", "string", "Email address of the person, masked outside the owning domain."],
  ["phone_number", "string", "Phone number in E.164 format."],
  ["first_name", "string", "Given name."],
  ["last_name", "string", "Family name."],
  ["birth_date", "date", "Date of birth."],
  ["postal_code", "string", "Postal code of the address."],
  ["city", "string", "City name as entered."],
  ["latitude", "double", "WGS84 latitude."],
  ["longitude", "double", "WGS84 longitude."],
  ["device_type", "string", "Kind of device (desktop, mobile, tablet)."],
  ["user_agent", "string", "Browser user agent string."],
  ["ip_address", "string", "Client IP address, truncated to /24."],
  ["is_deleted", "boolean", "Soft-delete marker from the source."],
  ["is_test", "boolean", "True for test traffic; filter it out."],
  ["source_system", "string", "System the row comes from."],
  ["batch_id", "string", "Load batch that wrote the row."],
  ["valid_from", "timestamp", "Start of validity (type 2 history)."],
  ["valid_to", "timestamp", "End of validity, null while current."],
  ["score", "double", "Model score between 0 and 1."],
  ["probability", "double", "Predicted probability."],
  ["reason_code", "string", "Reason from the controlled vocabulary."],
  ["category", "string", "Category in the merchandising hierarchy."],
  ["brand", "string", "Brand name."],
  ["weight_grams", "integer", "Shipping weight in grams."],
  ["duration_seconds", "integer", "Duration in seconds."],
  ["count", "bigint", "Number of records in the group."],
  ["revenue", "decimal(14,2)", "Recognised revenue."],
  ["cost", "decimal(14,2)", "Fully loaded cost."],
  ["margin", "decimal(14,2)", "Revenue minus cost."],
  ["conversion_rate", "double", "Share of sessions that converted."],
  ["retention_rate", "double", "Share of users active again in the period."],
  ["region", "string", "Sales region."],
  ["store_code", "string", "Code of the physical store."],
  ["carrier", "string", "Shipping carrier."],
  ["tracking_number", "string", "Carrier tracking number."],
  ["sla_met", "boolean", "Whether the promised service level was met."],
  ["priority", "string", "Priority (low, normal, high, urgent)."],
  ["language", "string", "BCP 47 language tag."],
  ["consent_marketing", "boolean", "Marketing consent at the time of the event."],
  ["campaign_code", "string", "Campaign identifier from the marketing platform."],
  ["utm_source", "string", "UTM source of the visit."],
  ["experiment_variant", "string", "Variant of the running experiment."],
  ["period_start", "date", "First day of the period."],
  ["period_end", "date", "Last day of the period."],
  ["fiscal_week", "integer", "Fiscal week number."],
];

export const DESCRIPTION_OPENERS = [
  "Decision-grade", "Cleaned and conformed", "Raw, replayable", "Near real-time", "Reconciled", "Deduplicated",
  "Company-wide", "Audited", "Curated", "Best-effort",
];
export const DESCRIPTION_USES = [
  "Used for revenue reporting and attribution.", "Feeds the weekly business review.", "Input to the churn and retention models.",
  "Reconciled nightly against the finance ledger.", "Serves operational dashboards and alerting.", "Source of truth for regulatory reporting.",
  "Joins cleanly to the conformed customer and product dimensions.", "May be late by up to a day; complete after reconciliation.",
  "Contains personal data: access is restricted and audited.", "Backfilled from the legacy warehouse for the last five years.",
  "Consumed by pricing and promotion optimisation.", "Powers the customer service console.",
];
