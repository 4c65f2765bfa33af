// Contract histories of the orders domain. order_facts.gold carries the flagship history:
// 1.0.0 -> 1.1.0 -> 1.1.1 -> 2.0.0 (order_value renamed, net_amount required) -> 2.1.0 -> 2.2.0.
import { PII, addEnumValues, addField, contract, describe, opt, renameField, req, sla, type ContractHistory } from "./helpers";

const ORDER_STATUS = ["placed", "paid", "shipped", "cancelled"];

export const ORDERS_CONTRACTS: ContractHistory[] = [
  {
    product: "orders.order_events.bronze",
    firstDaysAgo: 330,
    first: contract({
      product: "orders.order_events.bronze",
      name: "Order events (raw)",
      owner: "orders",
      description: "Order state changes captured from the orders-service database by CDC (Debezium), one message per change.",
      fields: [
        req("event_id", "string", "Unique id of the change event (Debezium source position hash)."),
        req("order_id", "string", "UUID v4 of the order the event belongs to."),
        req("event_type", "string", "Kind of state change.", { enum: ["order_placed", "order_paid", "order_shipped", "order_cancelled"] }),
        req("event_ts", "timestamp", "Time of the change in orders-service, UTC."),
        req("ingested_at", "timestamp", "Time the event landed in Kafka, UTC."),
        req("source_lsn", "bigint", "PostgreSQL log sequence number of the change: the replay position."),
        req("payload", "struct", "The order row after the change.", {
          fields: [
            req("customer_id", "string", "Customer account id."),
            opt("amount", "decimal(12,2)", "Order amount in `currency`, when the event carries it."),
            opt("currency", "string", "ISO 4217 currency code."),
            opt("channel", "string", "Sales channel reported by the checkout."),
          ],
        }),
        opt("customer_email", "string", "Email typed at checkout, unmasked (raw tier, restricted access).", { tags: PII }),
      ],
      sla: sla(15, 99, 95, { lateArrival: 1440 }),
      summary: "Raw, replayable history of order changes. May be late, duplicated or out of order; complete and traceable.",
      meanings: { event_ts: "When the business event happened, not when we saw it.", source_lsn: "Order events by this to replay in commit order." },
      rules: ["Duplicates are possible: deduplicate on event_id.", "Events may arrive up to 24 hours late."],
    }),
    steps: [
      { version: "1.1.0", daysAgo: 200, edit: (d) => addEnumValues(d, "event_type", "order_delivered") },
      { version: "1.2.0", daysAgo: 90, edit: (d) => addField(d, opt("promo_code", "string", "Promotion code applied at checkout, if any."), { parent: "payload" }) },
    ],
  },
  {
    product: "orders.order_facts.silver",
    firstDaysAgo: 320,
    first: contract({
      product: "orders.order_facts.silver",
      name: "Order facts (cleaned)",
      owner: "orders",
      description: "One row per order with its latest status, deduplicated from order events.",
      fields: [
        req("order_id", "string", "UUID v4 of the order."),
        req("customer_id", "string", "Customer account id."),
        req("order_ts", "timestamp", "Checkout confirmation time, UTC."),
        req("status", "string", "Latest status.", { enum: ["placed", "paid", "shipped", "delivered", "cancelled"] }),
        req("currency", "string", "ISO 4217 currency code."),
        req("gross_amount", "decimal(12,2)", "Order value before discounts, in `currency`."),
        req("net_amount", "decimal(12,2)", "Gross amount minus discounts."),
        req("country_code", "string", "ISO 3166-1 alpha-2 shipping country."),
        req("channel", "string", "Sales channel.", { enum: ["web", "app", "marketplace"] }),
        req("is_test", "boolean", "True for orders placed by internal test accounts."),
        req("updated_at", "timestamp", "Last change applied to the row, UTC."),
      ],
      sla: sla(60, 99.5, 99),
      summary: "Deduplicated order rows with the latest known status; the orders team's working set for the gold facts.",
      rules: ["One row per order_id.", "Test orders are kept and flagged with is_test."],
    }),
    steps: [
      { version: "1.0.1", daysAgo: 240, edit: (d) => describe(d, "net_amount", "Gross amount minus order-level and line-level discounts, in `currency`.") },
      { version: "1.1.0", daysAgo: 110, edit: (d) => addField(d, opt("promo_code", "string", "Promotion code applied at checkout."), { after: "net_amount" }) },
    ],
  },
  {
    product: "orders.order_facts.gold",
    firstDaysAgo: 300,
    first: contract({
      product: "orders.order_facts.gold",
      name: "Order facts",
      owner: "orders",
      description: "Decision-grade facts about confirmed orders: the company-wide source for revenue reporting.",
      fields: [
        req("order_id", "string", "UUID v4 of the order."),
        req("customer_id", "string", "FK to customer.customer_profile.gold customer_id."),
        req("order_ts", "timestamp", "Checkout confirmation time, UTC."),
        req("order_value", "decimal(12,2)", "Order value in `currency`, before discount."),
        req("currency", "string", "ISO 4217 code, one of the checkout currencies (EUR, GBP, USD, SEK, PLN)."),
        req("status", "string", "Lifecycle status at write time.", { enum: ORDER_STATUS }),
        req("country_code", "string", "ISO 3166-1 alpha-2 shipping country; joins conformed.dim_country.gold."),
      ],
      sla: sla(120, 99.5, 99),
      summary: "One row per confirmed order. A cart is not an order: only checkouts with a payment authorisation appear.",
      meanings: {
        order_value: "What the customer agreed to pay before discounts, taxes included. NULL is invalid.",
        status: "Status at write time; late status transitions update the row within the freshness window.",
      },
      rules: ["Every required field is non-NULL at write time.", "Test orders are excluded.", "order_value >= 0."],
    }),
    steps: [
      {
        version: "1.1.0",
        daysAgo: 210,
        edit: (d) => {
          addField(d, opt("discount_amount", "decimal(12,2)", "Total discount applied to the order, in `currency`."), { after: "order_value" });
          addField(d, opt("channel", "string", "Sales channel of the checkout.", { enum: ["web", "app", "marketplace"] }));
        },
      },
      {
        version: "1.1.1",
        daysAgo: 150,
        edit: (d) => {
          describe(d, "order_ts", "Checkout confirmation time in orders-service, UTC (not the payment capture time).");
          describe(d, "discount_amount", "Order-level plus line-level discounts, in `currency`; 0 when none.");
        },
      },
      {
        version: "2.0.0",
        daysAgo: 38,
        edit: (d) => {
          renameField(d, "order_value", "gross_amount", "Order value before discounts, in `currency`, taxes included.");
          addField(d, req("net_amount", "decimal(12,2)", "gross_amount minus discount_amount, in `currency`."), { after: "discount_amount" });
          d.semantics.fields.net_amount = "The revenue figure for reporting: what the customer pays for the goods after discounts.";
          d.semantics.rules = d.semantics.rules.map((r) => (r === "order_value >= 0." ? "gross_amount >= 0 and net_amount <= gross_amount." : r));
          d.sla.freshness.maxAgeMinutes = 60;
        },
      },
      {
        version: "2.1.0",
        daysAgo: 20,
        edit: (d) => {
          addField(d, opt("net_amount_eur", "decimal(14,2)", "net_amount converted to EUR at the ECB reference rate of the order day."), { after: "net_amount" });
          d.semantics.fields.net_amount_eur = "Converted with conformed.fx_rates.gold; use it to sum revenue across currencies.";
        },
      },
      {
        version: "2.2.0",
        daysAgo: 5,
        edit: (d) => {
          addEnumValues(d, "status", "delivered", "returned");
          d.sla.completeness.minPercent = 99.7;
        },
      },
    ],
  },
  {
    product: "orders.returns.bronze",
    firstDaysAgo: 260,
    first: contract({
      product: "orders.returns.bronze",
      name: "Return requests (raw)",
      owner: "orders",
      description: "Return requests as created in returns-service, abandoned ones included.",
      fields: [
        req("return_request_id", "string", "Id of the request in returns-service."),
        req("order_id", "string", "Order the request is for."),
        req("order_line_id", "string", "Order line being returned."),
        req("requested_at", "timestamp", "Time the customer started the request, UTC."),
        req("reason_code", "string", "Reason picked by the customer (free codes, not yet normalised)."),
        opt("reason_text", "string", "Free-text comment of the customer."),
        opt("customer_email", "string", "Email on the request, unmasked (raw tier).", { tags: PII }),
        req("status", "string", "Request status.", { enum: ["requested", "label_issued", "abandoned"] }),
      ],
      sla: sla(15, 98, 95, { lateArrival: 720 }),
      summary: "Every return request as the returns service saw it.",
    }),
    steps: [{ version: "1.0.1", daysAgo: 120, edit: (d) => describe(d, "reason_code", "Reason picked by the customer; codes differ between web and app before normalisation in silver.") }],
  },
  {
    product: "orders.returns.silver",
    firstDaysAgo: 250,
    first: contract({
      product: "orders.returns.silver",
      name: "Returns (cleaned)",
      owner: "orders",
      description: "Return requests joined to their orders with normalised reasons; abandoned requests removed.",
      fields: [
        req("return_id", "string", "Id of the return."),
        req("order_id", "string", "Order the return belongs to."),
        req("order_line_id", "string", "Returned order line."),
        req("sku", "string", "SKU of the returned item."),
        req("requested_at", "timestamp", "Time the return was requested, UTC."),
        req("reason", "string", "Normalised reason.", { enum: ["damaged", "wrong_size", "not_as_described", "changed_mind", "late_delivery", "other"] }),
        req("quantity", "integer", "Units returned."),
        req("status", "string", "Return status.", { enum: ["label_issued", "received", "refunded", "rejected"] }),
      ],
      sla: sla(120, 99, 98),
      summary: "Returns with normalised reasons, one row per returned order line.",
    }),
    steps: [{ version: "1.1.0", daysAgo: 80, edit: (d) => addField(d, opt("carrier", "string", "Carrier of the return shipment.")) }],
  },
  {
    product: "orders.returns.gold",
    firstDaysAgo: 240,
    first: contract({
      product: "orders.returns.gold",
      name: "Returns",
      owner: "orders",
      description: "Returned order lines with reason and refund status, reconciled against payments refunds.",
      fields: [
        req("return_id", "string", "Id of the return."),
        req("order_id", "string", "FK to orders.order_facts.gold order_id."),
        req("order_line_id", "string", "Returned order line."),
        req("sku", "string", "SKU of the returned item."),
        req("return_ts", "timestamp", "Time the return label was issued, UTC."),
        req("reason", "string", "Normalised reason.", { enum: ["damaged", "wrong_size", "not_as_described", "changed_mind", "late_delivery", "other"] }),
        req("quantity", "integer", "Units returned."),
        opt("refund_amount", "decimal(12,2)", "Refunded amount in `currency` once confirmed by payments."),
        req("currency", "string", "ISO 4217 currency of the order."),
        req("refund_status", "string", "Refund status from payments.refunds.gold.", { enum: ["pending", "refunded", "rejected"] }),
      ],
      sla: sla(240, 99, 98),
      summary: "A return counts once its label is issued. Refund amounts come from payments and are reconciled nightly.",
      meanings: { refund_amount: "NULL until payments confirms the refund; never estimated." },
      rules: ["Sum of refund_amount per day equals payments.refunds.gold for reason 'return' (reconciled nightly)."],
    }),
    steps: [
      { version: "1.1.0", daysAgo: 100, edit: (d) => addField(d, opt("days_since_delivery", "integer", "Days between delivery and the return request."), { after: "return_ts" }) },
      { version: "1.1.1", daysAgo: 45, edit: (d) => describe(d, "quantity", "Units returned on this order line (never more than ordered).") },
    ],
  },
  {
    product: "orders.daily_orders.gold",
    firstDaysAgo: 390,
    first: contract({
      product: "orders.daily_orders.gold",
      name: "Daily orders (legacy)",
      owner: "orders",
      description: "Daily order counts and revenue per country and channel, from the old topic-only pipeline.",
      fields: [
        req("order_date", "date", "Day of the orders, Europe/Berlin."),
        req("country_code", "string", "ISO 3166-1 alpha-2 shipping country."),
        req("channel", "string", "Sales channel.", { enum: ["web", "app", "marketplace"] }),
        req("order_count", "integer", "Confirmed orders that day."),
        req("revenue_eur", "decimal(14,2)", "Gross revenue in EUR at month-average rates."),
        req("avg_order_value_eur", "decimal(12,2)", "revenue_eur / order_count."),
      ],
      sla: sla(1560, 99, 98),
      summary: "Legacy daily summary for the weekly business review. Use orders.order_facts.gold instead.",
      rules: ["Revenue uses month-average FX rates, unlike order_facts.gold (daily ECB rates)."],
    }),
    steps: [{ version: "1.1.0", daysAgo: 250, edit: (d) => addField(d, opt("returning_customer_orders", "integer", "Orders by customers with an earlier order.")) }],
  },
];
