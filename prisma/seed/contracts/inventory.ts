// Contract histories of the inventory domain (operational products: replenishment runs on them).
import { addEnumValues, addField, contract, describe, opt, req, sla, type ContractHistory } from "./helpers";

const LOCATION_TYPES = ["warehouse", "store"];

export const INVENTORY_CONTRACTS: ContractHistory[] = [
  {
    product: "inventory.stock_movements.bronze",
    firstDaysAgo: 360,
    first: contract({
      product: "inventory.stock_movements.bronze",
      name: "Stock movements (raw)",
      owner: "inventory",
      description: "Every receipt, pick, transfer and adjustment emitted by inventory-service.",
      fields: [
        req("movement_id", "string", "Unique id of the movement."),
        req("sku", "string", "SKU moved."),
        req("location_id", "string", "Warehouse or store where the movement happened."),
        req("movement_type", "string", "Kind of movement.", { enum: ["receipt", "pick", "transfer_in", "transfer_out", "adjustment"] }),
        req("quantity", "integer", "Signed units: positive in, negative out."),
        req("occurred_at", "timestamp", "Time of the scan or booking, UTC."),
        req("ingested_at", "timestamp", "Time the event landed in Kafka, UTC."),
      ],
      sla: sla(10, 99, 95, { lateArrival: 60 }),
      summary: "Raw movement stream, replayable from Kafka for 14 days.",
      rules: ["Deduplicate on movement_id."],
    }),
    steps: [
      {
        // RFID gates batch their reads: a weaker freshness promise and a new required field, so a major.
        version: "2.0.0",
        daysAgo: 100,
        edit: (d) => {
          addField(d, req("source", "string", "Where the movement was captured.", { enum: ["inventory_service", "rfid_gate"] }), { after: "occurred_at" });
          addField(d, opt("device_id", "string", "RFID gate id for gate reads."), { after: "source" });
          d.sla.freshness.maxAgeMinutes = 15;
        },
      },
      { version: "2.0.1", daysAgo: 60, edit: (d) => describe(d, "occurred_at", "Time of the scan (RFID gates: time of the first read of the batch), UTC.") },
    ],
  },
  {
    product: "inventory.warehouse_snapshots.bronze",
    firstDaysAgo: 340,
    first: contract({
      product: "inventory.warehouse_snapshots.bronze",
      name: "Warehouse snapshots (raw)",
      owner: "inventory",
      description: "Nightly full stock counts from the warehouse management system.",
      fields: [
        req("snapshot_date", "date", "Business day of the count."),
        req("warehouse_id", "string", "Warehouse counted."),
        req("sku", "string", "SKU counted."),
        req("on_hand", "integer", "Units counted on hand."),
        req("counted_at", "timestamp", "Time the WMS closed the count, UTC."),
        opt("counter_id", "string", "Operator or device of a manual cycle count."),
      ],
      sla: sla(1560, 99, 95),
      summary: "The warehouse management system's view of stock at close of day.",
    }),
    steps: [],
  },
  {
    product: "inventory.stock_levels.silver",
    firstDaysAgo: 330,
    first: contract({
      product: "inventory.stock_levels.silver",
      name: "Stock levels (cleaned)",
      owner: "inventory",
      description: "Current stock per SKU and location rebuilt from movements, corrected by nightly snapshots.",
      fields: [
        req("sku", "string", "SKU."),
        req("location_id", "string", "Warehouse or store."),
        req("on_hand", "integer", "Units on hand."),
        req("reserved", "integer", "Units reserved by open orders."),
        req("sellable", "integer", "on_hand - reserved - quarantined, never negative."),
        req("last_movement_at", "timestamp", "Time of the last movement applied, UTC."),
        req("corrected_by_snapshot", "boolean", "True when the last nightly snapshot changed the figure."),
        req("updated_at", "timestamp", "Time the row was last written, UTC."),
      ],
      sla: sla(30, 99.5, 99.5, { availability: 99.9 }),
      summary: "Near-real-time stock positions, the basis for the sellable figure in gold.",
      rules: ["sellable >= 0", "One row per (sku, location_id)."],
    }),
    steps: [{ version: "1.1.0", daysAgo: 140, edit: (d) => addField(d, opt("quarantined", "integer", "Units blocked by quality control."), { after: "reserved" }) }],
  },
  {
    product: "inventory.stock_levels.gold",
    firstDaysAgo: 320,
    first: contract({
      product: "inventory.stock_levels.gold",
      name: "Stock levels",
      owner: "inventory",
      description: "Sellable stock per SKU and location: what the shop promises and replenishment orders against.",
      fields: [
        req("sku", "string", "SKU."),
        req("location_id", "string", "Warehouse or store."),
        req("location_type", "string", "Kind of location.", { enum: LOCATION_TYPES }),
        req("sellable", "integer", "Units the shop may promise."),
        req("on_hand", "integer", "Units physically on hand."),
        req("reserved", "integer", "Units reserved by open orders."),
        req("stock_status", "string", "Derived status.", { enum: ["in_stock", "low", "out_of_stock"] }),
        req("as_of", "timestamp", "Time of the stock position, UTC."),
      ],
      sla: sla(30, 99.5, 99.5, { availability: 99.9 }),
      summary: "Sellable stock. Automation acts on it without a human in the loop: stale data is worse than no data.",
      meanings: { stock_status: "low when sellable is below the SKU's safety stock; out_of_stock when sellable is 0." },
      rules: ["Consumers must stop automated decisions when as_of is older than 30 minutes."],
    }),
    steps: [
      { version: "1.1.0", daysAgo: 200, edit: (d) => addEnumValues(d, "location_type", "dropship") },
      { version: "1.2.0", daysAgo: 70, edit: (d) => addField(d, opt("safety_stock", "integer", "Safety stock configured for the SKU at the location."), { after: "reserved" }) },
    ],
  },
  {
    product: "inventory.sku_availability.gold",
    firstDaysAgo: 180,
    first: contract({
      product: "inventory.sku_availability.gold",
      name: "SKU availability",
      owner: "inventory",
      description: "Days of cover and out-of-stock flags per SKU across the network.",
      fields: [
        req("sku", "string", "SKU."),
        req("sellable_total", "integer", "Sellable units over all locations."),
        req("avg_daily_demand", "decimal(10,2)", "Average units sold per day over the last 28 days."),
        opt("days_of_cover", "decimal(8,1)", "sellable_total / avg_daily_demand; NULL without demand."),
        req("out_of_stock", "boolean", "True when sellable_total is 0."),
        req("as_of", "timestamp", "Time of the computation, UTC."),
      ],
      sla: sla(60, 99.5, 99, { availability: 99.5 }),
      summary: "Daily replenishment list input: which SKUs run out, and when.",
      meanings: { avg_daily_demand: "From order lines in orders.order_facts.gold, returns excluded." },
    }),
    steps: [{ version: "1.0.1", daysAgo: 30, edit: (d) => describe(d, "days_of_cover", "sellable_total / avg_daily_demand, rounded to one decimal; NULL when there was no demand.") }],
  },
];
