// What the last 30 days of measurements looked like. Everything not listed here is healthy,
// with at most a couple of isolated misses older than two days.

import type { Objective } from "../../lib/domain/slo/objective";

export type { Objective };

export type Incident = {
  /** Measurements observed in (now - fromMinutesAgo, now - toMinutesAgo] fail. */
  fromMinutesAgo: number;
  toMinutesAgo: number;
  /** stall: the pipeline stopped at the start, freshness grows with the clock. */
  shape: "stall" | "degraded";
};

export type Scenario = {
  product: string;
  /** One objective, or every objective of the product when omitted. */
  objective?: Objective;
  incidents?: Incident[];
  /** No measurement at all in the last N minutes (the reporter is down). */
  silentForMinutes?: number;
  note: string;
};

const H = 60;
const D = 24 * H;

export const SCENARIOS: Scenario[] = [
  {
    product: "inventory.stock_levels.silver",
    objective: "FRESHNESS",
    note: "RED: the movement consumer stalled after a Kafka rebalance five hours ago; an earlier 3-hour stall nine days ago.",
    incidents: [
      { fromMinutesAgo: 5 * H + 5, toMinutesAgo: 0, shape: "stall" },
      { fromMinutesAgo: 9 * D + 3 * H, toMinutesAgo: 9 * D, shape: "stall" },
    ],
  },
  {
    product: "conformed.fx_rates.gold",
    objective: "FRESHNESS",
    note: "AMBER: the ECB published late on three days; budget running low.",
    incidents: [
      { fromMinutesAgo: 3 * D + 2 * H, toMinutesAgo: 3 * D, shape: "degraded" },
      { fromMinutesAgo: 12 * D + 2 * H, toMinutesAgo: 12 * D, shape: "degraded" },
      { fromMinutesAgo: 20 * D + 2 * H, toMinutesAgo: 20 * D, shape: "degraded" },
    ],
  },
  {
    product: "orders.returns.gold",
    objective: "COMPLETENESS",
    note: "AMBER: marketplace partner returns arrived late twice this week.",
    incidents: [
      { fromMinutesAgo: 2 * D + 3 * H, toMinutesAgo: 2 * D, shape: "degraded" },
      { fromMinutesAgo: 6 * D + 3 * H, toMinutesAgo: 6 * D, shape: "degraded" },
    ],
  },
  {
    product: "marketing.web_sessions.bronze",
    note: "UNKNOWN: the measurement reporter has been down for 30 hours; silence is not health.",
    silentForMinutes: 30 * H,
  },
];
