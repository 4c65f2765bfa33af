import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { can } from "../../auth/guard";
import { UnauthenticatedError, ValidationError } from "../../errors";
import { issuesOf } from "./ingest-core";
import { ZGovernanceReportQuery } from "./schemas";

const side = { select: { key: true, name: true, tier: true, domain: { select: { slug: true } }, team: { select: { slug: true, name: true } } } } as const;
export type GovernanceFlag = Awaited<ReturnType<typeof getGovernanceReport>>["flags"][number];

/** Observed reads that break a governance rule, filterable by domain and team, with counts. Any signed-in user. */
export async function getGovernanceReport(ctx: Ctx, input: unknown) {
  if (ctx.actor.kind === "anonymous") throw new UnauthenticatedError();
  const parsed = ZGovernanceReportQuery.safeParse(input);
  if (!parsed.success) throw new ValidationError("The filter is not valid.", issuesOf(parsed.error));
  const { domain, team, status } = parsed.data;
  const db = getDb();
  const either = <T extends object>(f: T) => ({ OR: [{ downstream: f }, { upstreamProduct: f }] });
  const where = {
    origin: "OBSERVED" as const,
    violation: { not: null },
    AND: [...(domain ? [either({ domain: { slug: domain } })] : []), ...(team ? [either({ team: { slug: team } })] : [])],
  };
  const [rows, unclaimed, domains, teams] = await Promise.all([
    db.dependency.findMany({
      where,
      orderBy: [{ lastObservedAt: "desc" }, { id: "asc" }],
      take: 1000,
      select: { id: true, violation: true, violationMessage: true, firstObservedAt: true, lastObservedAt: true, observedRunCount: true, observedJobs: true, waivedAt: true, waivedBy: true, waiverReason: true, downstream: side, upstreamProduct: side },
    }),
    db.unclaimedDataset.count(),
    db.domain.findMany({ select: { slug: true, name: true }, orderBy: { slug: "asc" } }),
    db.team.findMany({ select: { slug: true, name: true }, orderBy: { slug: "asc" } }),
  ]);
  const all = rows.map((r) => ({
    id: r.id,
    rules: r.violation!.split(","),
    message: r.violationMessage ?? "",
    downstream: { key: r.downstream.key, name: r.downstream.name, tier: r.downstream.tier, domain: r.downstream.domain.slug, team: r.downstream.team.slug },
    upstream: { key: r.upstreamProduct!.key, name: r.upstreamProduct!.name, tier: r.upstreamProduct!.tier, domain: r.upstreamProduct!.domain.slug, team: r.upstreamProduct!.team.slug },
    firstSeen: r.firstObservedAt?.toISOString() ?? null,
    lastSeen: r.lastObservedAt?.toISOString() ?? null,
    runs: r.observedRunCount,
    jobs: r.observedJobs,
    waiver: r.waivedAt ? { at: r.waivedAt.toISOString(), by: r.waivedBy ?? "", reason: r.waiverReason ?? "" } : null,
  }));
  const byRule: Record<string, number> = {};
  for (const f of all) if (!f.waiver) for (const rule of f.rules) byRule[rule] = (byRule[rule] ?? 0) + 1;
  const flags = all.filter((f) => status === "all" || (status === "waived") === !!f.waiver);
  return {
    filters: { domain: domain ?? null, team: team ?? null, status },
    counts: { open: all.filter((f) => !f.waiver).length, waived: all.filter((f) => f.waiver).length, byRule, unclaimedDatasets: unclaimed },
    flags,
    domains,
    teams,
    canWaive: can(ctx, "governance.manage"),
  };
}
