// Subscriptions across domains. Those on behalf of a consuming product also become dependency
// edges (origin SUBSCRIPTION) of the given kind. Pins are normalised and resolved by lib/domain.
import type { Kind } from "./topology";

export type SubscriptionDef = {
  consumerTeam: string;
  product: string;
  pin: string;
  consumingProduct?: string;
  kind?: Kind;
  purpose: string;
  status: "ACTIVE" | "PENDING" | "REJECTED";
  createdDaysAgo: number;
  decisionReason?: string;
};

export const SUBSCRIPTIONS: SubscriptionDef[] = [
  {
    consumerTeam: "marketing", product: "orders.order_facts.gold", pin: "^2.1", consumingProduct: "marketing.campaign_attribution.gold", kind: "HARD",
    purpose: "Attribute net order revenue to campaigns for the weekly ROAS report.", status: "ACTIVE", createdDaysAgo: 18,
    decisionReason: "Approved: attribution is a documented use of order facts.",
  },
  {
    consumerTeam: "inventory", product: "orders.order_facts.gold", pin: "^1.1", consumingProduct: "inventory.sku_availability.gold", kind: "SOFT",
    purpose: "Average daily demand per SKU for days of cover; falls back to the forecast when late.", status: "ACTIVE", createdDaysAgo: 160,
    decisionReason: "Approved for demand signals.",
  },
  {
    consumerTeam: "customer", product: "orders.order_facts.gold", pin: "2.x", consumingProduct: "customer.customer_segments.gold", kind: "HARD",
    purpose: "Recency, frequency and monetary value for the nightly RFM segments.", status: "ACTIVE", createdDaysAgo: 30,
    decisionReason: "Approved: segmentation runs on order facts.",
  },
  {
    consumerTeam: "payments", product: "orders.order_facts.gold", pin: "~2.1.0", consumingProduct: "payments.payment_transactions.gold", kind: "TRUTH",
    purpose: "Daily reconciliation of captured payments against confirmed orders.", status: "ACTIVE", createdDaysAgo: 15,
    decisionReason: "Approved for reconciliation.",
  },
  {
    consumerTeam: "customer", product: "payments.payment_transactions.gold", pin: "^2.0", consumingProduct: "customer.customer_segments.gold", kind: "SOFT",
    purpose: "Net of refunds and chargebacks in the monetary score.", status: "ACTIVE", createdDaysAgo: 100,
    decisionReason: "Approved.",
  },
  {
    consumerTeam: "marketing", product: "payments.payment_transactions.gold", pin: "^1.2", consumingProduct: "marketing.campaign_attribution.gold", kind: "SOFT",
    purpose: "Exclude failed payments from attributed revenue (still on the retired 1.x line).", status: "ACTIVE", createdDaysAgo: 180,
    decisionReason: "Approved.",
  },
  {
    consumerTeam: "marketing", product: "customer.customer_profile.gold", pin: "^1.2", consumingProduct: "marketing.campaign_attribution.gold", kind: "SOFT",
    purpose: "New versus returning customers and country for attributed orders.", status: "PENDING", createdDaysAgo: 2,
  },
  {
    consumerTeam: "inventory", product: "customer.customer_profile.gold", pin: "^1.2",
    purpose: "Demand by customer country for store allocation.", status: "REJECTED", createdDaysAgo: 25,
    decisionReason: "Profiles are not needed for allocation: use country_code from orders.order_facts.gold instead.",
  },
  {
    consumerTeam: "orders", product: "conformed.dim_currency.gold", pin: "^1.0", consumingProduct: "orders.order_facts.gold", kind: "SOFT",
    purpose: "Minor units and accepted checkout currencies.", status: "ACTIVE", createdDaysAgo: 290,
  },
  {
    consumerTeam: "orders", product: "conformed.fx_rates.gold", pin: "^1.0", consumingProduct: "orders.order_facts.gold", kind: "SOFT",
    purpose: "net_amount_eur at the ECB reference rate of the order day.", status: "ACTIVE", createdDaysAgo: 22,
  },
  {
    consumerTeam: "payments", product: "conformed.fx_rates.gold", pin: "^1.0", consumingProduct: "payments.payment_transactions.gold", kind: "SOFT",
    purpose: "amount_eur at the ECB reference rate of the capture day.", status: "ACTIVE", createdDaysAgo: 190,
  },
  {
    consumerTeam: "payments", product: "conformed.dim_currency.gold", pin: "1.x", consumingProduct: "payments.payment_transactions.gold", kind: "SOFT",
    purpose: "Validate currency codes reported by the PSPs.", status: "ACTIVE", createdDaysAgo: 300,
  },
  {
    consumerTeam: "customer", product: "conformed.dim_country.gold", pin: "^1.1", consumingProduct: "customer.customer_profile.gold", kind: "SOFT",
    purpose: "Standardise address countries to ISO 3166.", status: "ACTIVE", createdDaysAgo: 120,
  },
  {
    consumerTeam: "marketing", product: "conformed.dim_date.gold", pin: "^1.1", consumingProduct: "marketing.campaign_attribution.gold", kind: "SOFT",
    purpose: "Fiscal weeks for campaign reporting.", status: "ACTIVE", createdDaysAgo: 190,
  },
  {
    consumerTeam: "orders", product: "payments.refunds.gold", pin: "^1.1", consumingProduct: "orders.returns.gold", kind: "TRUTH",
    purpose: "Nightly reconciliation of refunded returns.", status: "ACTIVE", createdDaysAgo: 105,
  },
  {
    consumerTeam: "marketing", product: "inventory.stock_levels.gold", pin: "^1.2",
    purpose: "Pause paid campaigns for out-of-stock SKUs (notebook analysis).", status: "ACTIVE", createdDaysAgo: 40,
    decisionReason: "Approved for read-only analysis; not for automation.",
  },
  {
    consumerTeam: "customer", product: "marketing.campaign_attribution.gold", pin: "~1.2.0",
    purpose: "Acquisition cost per customer cohort for the lifetime value model.", status: "ACTIVE", createdDaysAgo: 45,
  },
  {
    consumerTeam: "marketing", product: "orders.daily_orders.gold", pin: "^1.1",
    purpose: "Weekly business review dashboard (legacy; moving to orders.order_facts.gold).", status: "ACTIVE", createdDaysAgo: 240,
  },
  {
    consumerTeam: "marketing", product: "customer.consent.gold", pin: "^1.1",
    purpose: "Filter campaign audiences by email and profiling consent.", status: "ACTIVE", createdDaysAgo: 70,
  },
];
