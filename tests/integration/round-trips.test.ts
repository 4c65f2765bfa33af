// Round trips of the per-request reads: every statement the app sends goes through pg's
// Client.query, so counting calls there counts round trips (docs/performance.md).
import { describe, it, expect, afterEach } from "vitest";
import pg from "pg";
import { getDb } from "@/lib/server/db/client";
import { getProduct } from "@/lib/server/services/catalog/get-product";
import { loadSession } from "@/lib/server/services/auth/load-session-actor";
import { world } from "./subscription-fixtures";
import { createSubscription } from "@/lib/server/services/subscriptions/create-subscription";

const original = pg.Client.prototype.query;
afterEach(() => {
  pg.Client.prototype.query = original;
});

async function countStatements<T>(fn: () => Promise<T>): Promise<{ value: T; statements: string[] }> {
  const statements: string[] = [];
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text?: string };
    statements.push(typeof q === "string" ? q : (q?.text ?? "?"));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  const value = await fn();
  pg.Client.prototype.query = original;
  return { value, statements };
}

describe("round trips per request", () => {
  it("loads the session, its user, teams and unread count in one statement", async () => {
    const w = await world();
    const s = await getDb().userSession.create({ data: { userId: w.owner.id, expiresAt: new Date(Date.now() + 60_000) } });
    const { value, statements } = await countStatements(() => loadSession(s.id, { unread: true }));
    expect(value?.actor.memberships).toHaveLength(1);
    expect(statements, statements.join("\n")).toHaveLength(1);
  });

  it("reads everything the product page shows in at most two statements", async () => {
    const w = await world();
    await createSubscription({ ctx: w.ctx.consumer, input: { productKey: w.gold.key, consumerTeam: w.consumerTeam.slug, consumingProductKey: w.consumerProductGold.key, purpose: "Weekly revenue report" } });
    const { value, statements } = await countStatements(() => getProduct(w.gold.key));
    expect(value.versions.map((v) => v.version)).toEqual(["2.1.0", "2.0.0"]);
    expect(value.currentVersion?.fields.map((f) => f.path)).toEqual(["id", "amount", "note", "channel"]);
    expect(value.subscriptions).toHaveLength(1);
    expect(value.family.map((f) => f.key).sort()).toEqual([w.gold.key, w.silver.key].sort());
    expect(statements.length, statements.join("\n")).toBeLessThanOrEqual(2);
  });
});
