// The trust score is computed twice: in SQL (tessera_trust, which an index serves) and in
// lib/domain/search/ranking.ts (the rule as written). They must agree for every input.
import { describe, it, expect } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { TRUST, trustScore } from "@/lib/domain/search/ranking";

describe("tessera_trust", () => {
  it("equals trustScore for every tier, SLO status, risk, lifecycle status and a range of subscribers", async () => {
    const tiers = Object.keys(TRUST.tier) as (keyof typeof TRUST.tier)[];
    const slos = Object.keys(TRUST.slo) as (keyof typeof TRUST.slo)[];
    const statuses = Object.keys(TRUST.status) as (keyof typeof TRUST.status)[];
    const cases = tiers.flatMap((tier) =>
      slos.flatMap((sloStatus) => statuses.flatMap((lifecycleStatus) => [false, true].flatMap((atRisk) => [0, 1, 7, 250, 100_000].map((activeSubscriberCount) => ({ tier, sloStatus, lifecycleStatus, atRisk, activeSubscriberCount }))))),
    );
    const rows = await getDb().$queryRaw<{ t: number }[]>`
      SELECT tessera_trust(c.tier::"Tier", c.slo::"SloStatus", c.risk, c.subs, c.status::"LifecycleStatus") AS t
        FROM unnest(${cases.map((c) => c.tier)}::text[], ${cases.map((c) => c.sloStatus)}::text[], ${cases.map((c) => c.atRisk)}::boolean[],
                    ${cases.map((c) => c.activeSubscriberCount)}::int[], ${cases.map((c) => c.lifecycleStatus)}::text[]) WITH ORDINALITY
             AS c(tier, slo, risk, subs, status, i)
       ORDER BY c.i`;
    expect(rows).toHaveLength(cases.length);
    cases.forEach((c, i) => expect(rows[i]!.t, JSON.stringify(c)).toBeCloseTo(trustScore(c), 5));
    // and the order they induce is the same
    const sqlOrder = cases.map((_, i) => i).sort((a, b) => rows[b]!.t - rows[a]!.t || a - b);
    const tsOrder = cases.map((_, i) => i).sort((a, b) => trustScore(cases[b]!) - trustScore(cases[a]!) || a - b);
    expect(sqlOrder).toEqual(tsOrder);
  });
});
