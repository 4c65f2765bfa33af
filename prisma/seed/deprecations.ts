// Deprecation notices: two running (sunsets ahead), two past (their versions retired).
export type NoticeDef = {
  product: string;
  /** Version range retired; null retires the whole product. */
  targetRange: string | null;
  reason: string;
  announcedDaysAgo: number;
  /** Negative: the sunset has passed. */
  sunsetInDays: number;
  replacementProduct?: string;
  replacementRange?: string;
  migrationNotes: string;
  /** Consumer teams' acknowledgements. */
  acks?: { team: string; state: "SEEN" | "MIGRATED" }[];
};

export const NOTICES: NoticeDef[] = [
  {
    product: "orders.order_facts.gold",
    targetRange: "1.x",
    reason: "2.0 renames order_value to gross_amount and adds net_amount, the figure finance reports on. The 1.x line is rebuilt from the 2.x tables until its sunset.",
    announcedDaysAgo: 40,
    sunsetInDays: 50,
    replacementProduct: "orders.order_facts.gold",
    replacementRange: "^2.1",
    migrationNotes: [
      "## Moving from 1.x to ^2.1",
      "",
      "1. Replace `order_value` with `gross_amount` (same type and meaning).",
      "2. Report revenue on `net_amount` (gross minus discounts) instead of `order_value - discount_amount`.",
      "3. Summing across currencies? Use `net_amount_eur` (2.1.0) instead of converting yourself.",
      "4. Move your pin to `^2.1` on the subscription page and check the upgrade diff.",
      "",
      "Questions: #orders-data or @orders-oncall.",
    ].join("\n"),
    acks: [
      { team: "inventory", state: "SEEN" },
      { team: "customer", state: "MIGRATED" },
    ],
  },
  {
    product: "orders.daily_orders.gold",
    targetRange: null,
    reason: "The legacy daily summary mixes raw and curated data in one pipeline and reads raw order events directly. orders.order_facts.gold replaces it.",
    announcedDaysAgo: 20,
    sunsetInDays: 100,
    replacementProduct: "orders.order_facts.gold",
    replacementRange: "^2.1",
    migrationNotes: [
      "## Replacing daily_orders with order_facts",
      "",
      "```sql",
      "select date(order_ts) as order_date, country_code, channel,",
      "       count(*) as order_count, sum(gross_amount) as revenue",
      "from analytics.orders.order_facts_gold",
      "group by 1, 2, 3",
      "```",
      "",
      "Note: order_facts converts to EUR with daily ECB rates (`net_amount_eur`), not month averages, so historical EUR totals differ by up to 0.5%.",
    ].join("\n"),
    acks: [{ team: "marketing", state: "SEEN" }],
  },
  {
    product: "payments.payment_transactions.gold",
    targetRange: "1.x",
    reason: "2.0 keeps only settled payments: pending authorisations left gold and captured_at became required.",
    announcedDaysAgo: 130,
    sunsetInDays: -20,
    replacementProduct: "payments.payment_transactions.gold",
    replacementRange: "^2.0",
    migrationNotes: [
      "## Moving from 1.x to ^2.0",
      "",
      "- Rows with `status = 'pending'` are gone: read authorisations from your own domain or ask #payments-data.",
      "- `captured_at` is never null any more; drop your null handling.",
    ].join("\n"),
    acks: [{ team: "customer", state: "MIGRATED" }],
  },
  {
    product: "marketing.email_clicks.bronze",
    targetRange: null,
    reason: "The email service provider was replaced; email clicks now arrive as web sessions with email_click_id.",
    announcedDaysAgo: 200,
    sunsetInDays: -95,
    replacementProduct: "marketing.web_sessions.bronze",
    replacementRange: "^1.1",
    migrationNotes: "Join on `email_click_id` in marketing.web_sessions.bronze (1.1.0 and later).",
  },
];
