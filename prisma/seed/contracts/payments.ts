// Contract histories of the payments domain. payment_transactions.gold went to 2.0.0 (status
// "pending" removed, captured_at required); its 1.x line is retired.
import { addEnumValues, addField, contract, describe, field, opt, removeEnumValue, req, sla, type ContractHistory } from "./helpers";

export const PAYMENTS_CONTRACTS: ContractHistory[] = [
  {
    product: "payments.payment_events.bronze",
    firstDaysAgo: 340,
    first: contract({
      product: "payments.payment_events.bronze",
      name: "PSP webhook events (raw)",
      owner: "payments",
      description: "Webhook events from our payment service providers, as received.",
      fields: [
        req("event_id", "string", "PSP event id."),
        req("psp", "string", "Payment service provider.", { enum: ["stripe", "adyen"] }),
        req("psp_event_type", "string", "Event type as named by the PSP."),
        req("psp_payment_ref", "string", "PSP reference of the payment."),
        opt("order_id", "string", "Order id from the payment metadata."),
        opt("amount_minor", "bigint", "Amount in minor units of `currency`."),
        opt("currency", "string", "ISO 4217 currency code."),
        req("received_at", "timestamp", "Time the webhook was received, UTC."),
        req("raw_payload", "string", "The webhook body, JSON."),
      ],
      sla: sla(10, 99.9, 95, { lateArrival: 60 }),
      summary: "At-least-once, out-of-order PSP events. Card data never appears: PSPs tokenise it.",
      rules: ["Deduplicate on (psp, event_id)."],
    }),
    steps: [{ version: "1.1.0", daysAgo: 150, edit: (d) => addEnumValues(d, "psp", "paypal") }],
  },
  {
    product: "payments.payment_transactions.silver",
    firstDaysAgo: 330,
    first: contract({
      product: "payments.payment_transactions.silver",
      name: "Payment transactions (cleaned)",
      owner: "payments",
      description: "One row per payment attempt with its latest state.",
      fields: [
        req("payment_id", "string", "Internal payment id."),
        req("order_id", "string", "Order paid."),
        req("psp", "string", "Provider.", { enum: ["stripe", "adyen", "paypal"] }),
        req("psp_payment_ref", "string", "PSP reference."),
        req("state", "string", "Latest state.", { enum: ["authorised", "captured", "refunded", "partially_refunded", "failed", "chargeback"] }),
        req("amount", "decimal(12,2)", "Amount in `currency`."),
        req("currency", "string", "ISO 4217 currency code."),
        req("created_at", "timestamp", "Creation of the attempt, UTC."),
        req("updated_at", "timestamp", "Last state change, UTC."),
      ],
      sla: sla(60, 99.5, 99.5),
      summary: "Payment attempts normalised across providers.",
    }),
    steps: [{ version: "1.1.0", daysAgo: 130, edit: (d) => addField(d, opt("fee_amount", "decimal(12,2)", "PSP fee in `currency`, once known."), { after: "amount" }) }],
  },
  {
    product: "payments.payment_transactions.gold",
    firstDaysAgo: 320,
    first: contract({
      product: "payments.payment_transactions.gold",
      name: "Payment transactions",
      owner: "payments",
      description: "Payments per order for finance reporting and reconciliation.",
      fields: [
        req("payment_id", "string", "Internal payment id."),
        req("order_id", "string", "FK to orders.order_facts.gold order_id."),
        req("psp", "string", "Provider.", { enum: ["stripe", "adyen"] }),
        req("status", "string", "Payment status.", { enum: ["pending", "captured", "refunded", "failed"] }),
        req("amount", "decimal(12,2)", "Amount in `currency`."),
        req("currency", "string", "ISO 4217 currency code."),
        opt("captured_at", "timestamp", "Capture time, UTC."),
        req("created_at", "timestamp", "Creation time, UTC."),
      ],
      sla: sla(240, 99.5, 99.5),
      summary: "Captured money per order. Authorisations are not money received.",
      rules: ["Captured totals per day reconcile with PSP settlement reports within 0.01%."],
    }),
    steps: [
      { version: "1.1.0", daysAgo: 250, edit: (d) => addField(d, opt("fee_amount", "decimal(12,2)", "PSP fee in `currency`."), { after: "amount" }) },
      {
        version: "1.2.0",
        daysAgo: 190,
        edit: (d) => {
          addEnumValues(d, "psp", "paypal");
          addField(d, opt("amount_eur", "decimal(14,2)", "Amount in EUR at the ECB reference rate of the capture day."), { after: "currency" });
        },
      },
      {
        // Authorisations leave gold: "pending" is removed and every row is a capture, a major.
        version: "2.0.0",
        daysAgo: 125,
        edit: (d) => {
          removeEnumValue(d, "status", "pending");
          field(d, "captured_at").required = true;
          d.semantics.rules.push("Only settled states appear: pending authorisations stay in silver.");
        },
      },
      { version: "2.0.1", daysAgo: 90, edit: (d) => describe(d, "fee_amount", "PSP fee in `currency`, known one day after capture; NULL before.") },
      {
        version: "2.1.0",
        daysAgo: 30,
        edit: (d) => addField(d, opt("three_ds_outcome", "string", "3-D Secure outcome of the card payment.", { enum: ["frictionless", "challenged", "failed", "not_applicable"] })),
      },
    ],
  },
  {
    product: "payments.refunds.silver",
    firstDaysAgo: 280,
    first: contract({
      product: "payments.refunds.silver",
      name: "Refunds (cleaned)",
      owner: "payments",
      description: "Refund requests matched with PSP confirmations.",
      fields: [
        req("refund_id", "string", "Internal refund id."),
        req("payment_id", "string", "Payment refunded."),
        req("order_id", "string", "Order of the payment."),
        req("amount", "decimal(12,2)", "Refund amount in `currency`."),
        req("currency", "string", "ISO 4217 currency code."),
        opt("reason", "string", "Reason code from the requesting system."),
        req("requested_at", "timestamp", "Request time, UTC."),
        opt("confirmed_at", "timestamp", "PSP confirmation time, UTC."),
        req("state", "string", "Refund state.", { enum: ["requested", "confirmed", "failed"] }),
      ],
      sla: sla(120, 99.5, 99),
      summary: "Refunds, confirmed or not.",
    }),
    steps: [],
  },
  {
    product: "payments.refunds.gold",
    firstDaysAgo: 270,
    first: contract({
      product: "payments.refunds.gold",
      name: "Refunds",
      owner: "payments",
      description: "Confirmed refunds: the truth for refund totals.",
      fields: [
        req("refund_id", "string", "Internal refund id."),
        req("payment_id", "string", "Payment refunded."),
        req("order_id", "string", "FK to orders.order_facts.gold order_id."),
        req("amount", "decimal(12,2)", "Refund amount in `currency`."),
        req("currency", "string", "ISO 4217 currency code."),
        req("reason", "string", "Refund reason.", { enum: ["return", "goodwill", "chargeback", "duplicate_payment"] }),
        req("confirmed_at", "timestamp", "PSP confirmation time, UTC."),
      ],
      sla: sla(240, 99.5, 99.5),
      summary: "Only PSP-confirmed refunds appear.",
    }),
    steps: [{ version: "1.1.0", daysAgo: 110, edit: (d) => addField(d, opt("amount_eur", "decimal(14,2)", "Amount in EUR at the ECB reference rate of the confirmation day."), { after: "currency" }) }],
  },
];
