// Teams of the demo mesh (an e-commerce company) and the domain each one owns.

export type TeamDef = {
  slug: string;
  name: string;
  description: string;
  onCallHandle: string;
  contactChannel: string;
  /** How long ago the team joined the catalog (days). */
  since: number;
};

export type DomainDef = {
  slug: string;
  name: string;
  team: string;
  description: string;
  glossary: { term: string; meaning: string }[];
};

/** Its presence means the demo data is already there (the seed then does nothing). */
export const DEMO_MARKER_TEAM = "orders";

export const TEAMS: TeamDef[] = [
  {
    slug: "orders",
    name: "Orders",
    description: "Checkout, order lifecycle and returns. Owns the order facts every other domain reports on.",
    onCallHandle: "@orders-oncall",
    contactChannel: "#orders-data",
    since: 400,
  },
  {
    slug: "inventory",
    name: "Inventory",
    description: "Stock positions across warehouses and stores; feeds replenishment automation.",
    onCallHandle: "@inventory-oncall",
    contactChannel: "#inventory-data",
    since: 380,
  },
  {
    slug: "customer",
    name: "Customer",
    description: "Who our customers are, their consent and their segments. Guardians of customer PII.",
    onCallHandle: "@customer-oncall",
    contactChannel: "#customer-data",
    since: 370,
  },
  {
    slug: "payments",
    name: "Payments",
    description: "Authorisations, captures, refunds and settlement with our payment service providers.",
    onCallHandle: "@payments-oncall",
    contactChannel: "#payments-data",
    since: 360,
  },
  {
    slug: "marketing",
    name: "Marketing Analytics",
    description: "Campaign spend, web sessions and attribution; the biggest cross-domain consumer.",
    onCallHandle: "@marketing-oncall",
    contactChannel: "#marketing-data",
    since: 430,
  },
  {
    slug: "platform",
    name: "Data Platform",
    description: "Runs the mesh: governance rules, the catalog, and the conformed dimensions every domain joins to.",
    onCallHandle: "@platform-oncall",
    contactChannel: "#data-platform",
    since: 420,
  },
];

export const DOMAINS: DomainDef[] = [
  {
    slug: "orders",
    name: "Orders",
    team: "orders",
    description:
      "Placing orders: from a confirmed checkout to delivery or return. The gold order facts are the cross-domain language for revenue.",
    glossary: [
      { term: "order", meaning: "A confirmed checkout with a payment authorisation. A cart is not an order." },
      { term: "gross amount", meaning: "Order value before discounts and refunds, in the order currency, taxes included." },
      { term: "net amount", meaning: "Gross amount minus discounts; refunds are reported separately as returns." },
      { term: "return", meaning: "A customer request to send items back, counted once the return label is issued." },
      { term: "order status", meaning: "Where the order is in its lifecycle at write time: placed, paid, shipped, delivered, cancelled, returned." },
    ],
  },
  {
    slug: "inventory",
    name: "Inventory",
    team: "inventory",
    description:
      "Tracking stock: what is physically on hand, reserved and sellable, per SKU and location. Replenishment automation runs on it.",
    glossary: [
      { term: "SKU", meaning: "A stock keeping unit: one sellable variant (size, colour) of a product." },
      { term: "on hand", meaning: "Units physically in a location according to the last scan or count." },
      { term: "sellable", meaning: "On hand minus reserved minus quarantined: what the shop may promise." },
      { term: "stock movement", meaning: "A receipt, pick, transfer or adjustment that changes on-hand units." },
    ],
  },
  {
    slug: "customer",
    name: "Customer",
    team: "customer",
    description:
      "Knowing customers: profiles, consent and segments. PII lives here and leaves the domain masked.",
    glossary: [
      { term: "customer", meaning: "A person with an account or at least one order; guest checkouts are merged by verified email." },
      { term: "active customer", meaning: "A customer with an order in the last 365 days." },
      { term: "consent", meaning: "A customer's current yes or no per purpose (email marketing, profiling), with its source and time." },
      { term: "segment", meaning: "A rule-based group (RFM) recomputed nightly; membership is one segment per customer." },
    ],
  },
  {
    slug: "payments",
    name: "Payments",
    team: "payments",
    description:
      "Processing payments: authorisations, captures, refunds and chargebacks from our payment service providers.",
    glossary: [
      { term: "authorisation", meaning: "The PSP's promise that funds are reserved; it is not money received." },
      { term: "capture", meaning: "Money actually taken from the customer; revenue recognition starts here." },
      { term: "refund", meaning: "Money returned to the customer for a capture, in full or in part." },
      { term: "settlement", meaning: "The PSP paying captured funds, minus fees, into our bank account." },
    ],
  },
  {
    slug: "marketing",
    name: "Marketing",
    team: "marketing",
    description:
      "Campaign spend, web sessions and attribution of orders to campaigns. Reads other domains only through their gold products.",
    glossary: [
      { term: "campaign", meaning: "A paid or owned marketing effort with a budget and a UTM campaign code." },
      { term: "touchpoint", meaning: "A session or click attributable to a campaign, within the 30-day lookback window." },
      { term: "attributed revenue", meaning: "Net order amount credited to a campaign by the position-based model (40/20/40)." },
      { term: "ROAS", meaning: "Attributed revenue divided by ad spend for the same campaign and day." },
    ],
  },
  {
    slug: "conformed",
    name: "Conformed dimensions",
    team: "platform",
    description:
      "Shared dimensions every domain joins to (dates, currencies, countries, exchange rates), owned by the platform team so no domain rolls its own.",
    glossary: [
      { term: "conformed dimension", meaning: "A dimension with one definition for the whole company, joined by every domain." },
      { term: "fiscal week", meaning: "Monday to Sunday; fiscal year starts on February 1st." },
      { term: "reference rate", meaning: "The ECB euro reference exchange rate of the day, published around 16:00 CET." },
    ],
  },
];
