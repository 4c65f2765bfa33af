import { describe, expect, it } from "vitest";
import { jsonResponse } from "./api-handler";

describe("jsonResponse", () => {
  it("marks a small answer no-transform (not worth gzip) and leaves a large one to the server's compression", async () => {
    const small = jsonResponse({ accepted: 1000, rejected: [] }, { status: 200, headers: { "cache-control": "no-store" } });
    expect(small.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(small.headers.get("content-type")).toBe("application/json");
    expect(await small.json()).toEqual({ accepted: 1000, rejected: [] });
    const large = jsonResponse({ items: Array.from({ length: 100 }, (_, i) => ({ key: `product-${i}` })) }, { status: 200, headers: { "cache-control": "no-store" } });
    expect(large.headers.get("cache-control")).toBe("no-store");
    expect(large.status).toBe(200);
  });
});
