// Contract histories of the marketing domain. ad_spend.silver shows a weakened promise (a major).
import { PII, addEnumValues, addField, contract, describe, opt, req, sla, type ContractHistory } from "./helpers";

const CHANNELS = ["paid_search", "paid_social", "email", "affiliate", "organic", "direct"];

export const MARKETING_CONTRACTS: ContractHistory[] = [
  {
    product: "marketing.ad_spend.bronze",
    firstDaysAgo: 280,
    first: contract({
      product: "marketing.ad_spend.bronze",
      name: "Ad spend (raw)",
      owner: "marketing",
      description: "Daily spend pulled from the ad platforms' reporting APIs.",
      fields: [
        req("platform", "string", "Ad platform.", { enum: ["google_ads", "meta"] }),
        req("account_id", "string", "Ad account id."),
        req("campaign_external_id", "string", "Campaign id on the platform."),
        req("spend_date", "date", "Day of the spend, account time zone."),
        req("spend_micros", "bigint", "Spend in millionths of `currency`."),
        req("currency", "string", "Account currency, ISO 4217."),
        req("impressions", "bigint", "Impressions."),
        req("clicks", "bigint", "Clicks."),
        req("fetched_at", "timestamp", "Time of the API pull, UTC."),
      ],
      sla: sla(1560, 98, 95, { lateArrival: 4320 }),
      summary: "Platform numbers as reported; platforms restate the last 3 days.",
    }),
    steps: [{ version: "1.1.0", daysAgo: 120, edit: (d) => addEnumValues(d, "platform", "tiktok") }],
  },
  {
    product: "marketing.ad_spend.silver",
    firstDaysAgo: 270,
    first: contract({
      product: "marketing.ad_spend.silver",
      name: "Ad spend (cleaned)",
      owner: "marketing",
      description: "Spend per internal campaign and day in EUR, restatements applied.",
      fields: [
        req("campaign_code", "string", "Internal campaign code (UTM campaign)."),
        req("platform", "string", "Ad platform.", { enum: ["google_ads", "meta"] }),
        req("spend_date", "date", "Day of the spend."),
        req("spend_eur", "decimal(14,2)", "Spend in EUR."),
        req("impressions", "bigint", "Impressions."),
        req("clicks", "bigint", "Clicks."),
        req("restated", "boolean", "True when the platform restated the day."),
      ],
      sla: sla(1560, 99, 99),
      summary: "Spend mapped to internal campaigns.",
    }),
    steps: [
      {
        // TikTok's API delivers partial days: completeness promise weakened from 99% to 98%.
        version: "2.0.0",
        daysAgo: 115,
        edit: (d) => {
          addEnumValues(d, "platform", "tiktok");
          d.sla.completeness.minPercent = 98;
          d.semantics.rules.push("TikTok spend for the last day may be partial until restated.");
        },
      },
    ],
  },
  {
    product: "marketing.web_sessions.bronze",
    firstDaysAgo: 260,
    first: contract({
      product: "marketing.web_sessions.bronze",
      name: "Web sessions (raw)",
      owner: "marketing",
      description: "Clickstream sessions from the web and app trackers.",
      fields: [
        req("session_id", "string", "Tracker session id."),
        req("anonymous_id", "string", "Cookie or device id."),
        opt("customer_id", "string", "Customer id when signed in."),
        req("started_at", "timestamp", "Session start, UTC."),
        req("landing_url", "string", "First page of the session."),
        opt("utm_source", "string", "UTM source."),
        opt("utm_medium", "string", "UTM medium."),
        opt("utm_campaign", "string", "UTM campaign: the internal campaign code."),
        req("device_type", "string", "Device.", { enum: ["desktop", "mobile", "tablet", "app"] }),
        opt("ip_address", "string", "Client IP address, truncated after 30 days.", { tags: PII }),
      ],
      sla: sla(15, 97, 90, { lateArrival: 120 }),
      summary: "Raw sessions, bots included.",
    }),
    steps: [{ version: "1.1.0", daysAgo: 95, edit: (d) => addField(d, opt("email_click_id", "string", "Click id of the email link that opened the session."), { after: "utm_campaign" }) }],
  },
  {
    product: "marketing.campaign_attribution.silver",
    firstDaysAgo: 250,
    first: contract({
      product: "marketing.campaign_attribution.silver",
      name: "Campaign touchpoints",
      owner: "marketing",
      description: "Touchpoints attributable to campaigns within the 30-day lookback.",
      fields: [
        req("touchpoint_id", "string", "Touchpoint id."),
        req("session_id", "string", "Session of the touchpoint."),
        opt("customer_id", "string", "Customer, when known."),
        req("campaign_code", "string", "Internal campaign code."),
        req("channel", "string", "Marketing channel.", { enum: CHANNELS }),
        req("touched_at", "timestamp", "Time of the touchpoint, UTC."),
      ],
      sla: sla(120, 99, 97),
      summary: "Bot-free touchpoints, input of the attribution model.",
    }),
    steps: [{ version: "1.1.0", daysAgo: 100, edit: (d) => addField(d, opt("device_type", "string", "Device of the session.", { enum: ["desktop", "mobile", "tablet", "app"] })) }],
  },
  {
    product: "marketing.campaign_attribution.gold",
    firstDaysAgo: 240,
    first: contract({
      product: "marketing.campaign_attribution.gold",
      name: "Campaign attribution",
      owner: "marketing",
      description: "Attributed revenue, spend and ROAS per campaign and day.",
      fields: [
        req("campaign_code", "string", "Internal campaign code."),
        req("attribution_date", "date", "Order day."),
        req("channel", "string", "Marketing channel.", { enum: CHANNELS }),
        req("attributed_orders", "decimal(12,2)", "Orders credited to the campaign (fractional under multi-touch)."),
        req("attributed_net_revenue_eur", "decimal(14,2)", "Net revenue credited, EUR."),
        req("spend_eur", "decimal(14,2)", "Spend that day, EUR."),
        opt("roas", "double", "attributed_net_revenue_eur / spend_eur; NULL without spend."),
        req("model", "string", "Attribution model.", { enum: ["position_based_40_20_40"] }),
      ],
      sla: sla(1560, 99, 98),
      summary: "How much revenue each campaign brought, by the position-based model.",
      meanings: { attributed_net_revenue_eur: "From net_amount_eur of orders.order_facts.gold; refunds are not deducted." },
    }),
    steps: [
      { version: "1.1.0", daysAgo: 140, edit: (d) => addField(d, opt("new_customer_orders", "decimal(12,2)", "Attributed orders from first-time customers."), { after: "attributed_orders" }) },
      { version: "1.2.0", daysAgo: 50, edit: (d) => addEnumValues(d, "model", "last_click") },
      { version: "1.2.1", daysAgo: 8, edit: (d) => describe(d, "roas", "attributed_net_revenue_eur / spend_eur, NULL when spend_eur is 0.") },
    ],
  },
  {
    product: "marketing.email_clicks.bronze",
    firstDaysAgo: 420,
    first: contract({
      product: "marketing.email_clicks.bronze",
      name: "Email clicks (raw)",
      owner: "marketing",
      description: "Click events exported by the former email service provider.",
      fields: [
        req("click_id", "string", "ESP click id."),
        req("campaign_code", "string", "Internal campaign code."),
        req("recipient_email", "string", "Recipient email.", { tags: PII }),
        req("clicked_at", "timestamp", "Click time, UTC."),
        req("url", "string", "Clicked link."),
      ],
      sla: sla(1560, 95, 90),
      summary: "Email clicks from the old ESP.",
    }),
    steps: [{ version: "1.1.0", daysAgo: 330, edit: (d) => addField(d, opt("device_type", "string", "Device reported by the ESP.")) }],
  },
];
