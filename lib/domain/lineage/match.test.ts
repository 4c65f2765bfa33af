import { describe, it, expect } from "vitest";
import { matchDataset, type PortCandidate } from "./match";

const ports: PortCandidate[] = [
  { productId: "orders-silver", namespace: "postgres://wh:5432", location: "analytics.orders_silver" },
  { productId: "orders-gold", namespace: "postgres://wh:5432", location: "analytics.ORDERS_GOLD" },
  { productId: "s3-a", namespace: "s3://lake", location: "raw/Events" },
  { productId: "s3-b", namespace: "s3://lake", location: "raw/events" },
];

describe("matchDataset", () => {
  it.each([
    [{ namespace: "postgres://wh:5432", name: "analytics.orders_silver" }, { kind: "matched", productId: "orders-silver", exact: true }],
    [{ namespace: "postgres://wh:5432/", name: " analytics.orders_silver " }, { kind: "matched", productId: "orders-silver", exact: true }],
    [{ namespace: "postgres://wh:5432", name: "analytics.orders_gold" }, { kind: "matched", productId: "orders-gold", exact: false }],
    [{ namespace: "POSTGRES://WH:5432", name: "ANALYTICS.ORDERS_SILVER" }, { kind: "matched", productId: "orders-silver", exact: false }],
    [{ namespace: "s3://lake", name: "raw/events" }, { kind: "matched", productId: "s3-b", exact: true }],
    [{ namespace: "s3://lake", name: "RAW/EVENTS" }, { kind: "ambiguous", productIds: ["s3-a", "s3-b"] }],
    [{ namespace: "postgres://other:5432", name: "analytics.orders_silver" }, { kind: "none" }],
    [{ namespace: "postgres://wh:5432", name: "analytics.orders" }, { kind: "none" }],
  ])("%o -> %o", (ds, expected) => {
    expect(matchDataset(ds, ports)).toEqual(expected);
  });

  it("two ports of one product for the same dataset still match that product", () => {
    const twice = [...ports, { productId: "orders-silver", namespace: "postgres://wh:5432", location: "analytics.orders_silver" }];
    expect(matchDataset({ namespace: "postgres://wh:5432", name: "analytics.orders_silver" }, twice)).toEqual({ kind: "matched", productId: "orders-silver", exact: true });
  });
});
