import "server-only";
import semver from "semver";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { can } from "../../auth/guard";
import { NotFoundError } from "../../errors";
import { OPEN_STATUSES } from "./shared";

/** Who depends on a product, through which pin, for what; counts per resolved major. */
export async function listSubscribers(ctx: Ctx, key: string) {
  const p = await getDb().dataProduct.findUnique({
    where: { key },
    select: {
      id: true,
      key: true,
      name: true,
      teamId: true,
      requiresApproval: true,
      subscriptions: {
        where: { status: { in: [...OPEN_STATUSES] } },
        orderBy: [{ status: "desc" }, { createdAt: "asc" }],
        select: {
          id: true,
          pinRange: true,
          purpose: true,
          status: true,
          createdAt: true,
          consumerTeam: { select: { slug: true, name: true, contactChannel: true } },
          consumingProduct: { select: { key: true } },
          resolvedVersion: { select: { version: true } },
        },
      },
    },
  });
  if (!p) throw new NotFoundError(`Data product "${key}"`);
  const perMajor = new Map<string, number>();
  for (const s of p.subscriptions) {
    if (s.status === "PENDING") continue;
    const label = s.resolvedVersion ? `${semver.major(s.resolvedVersion.version)}.x` : "broken";
    perMajor.set(label, (perMajor.get(label) ?? 0) + 1);
  }
  return {
    product: { key: p.key, name: p.name, requiresApproval: p.requiresApproval },
    subscribers: p.subscriptions,
    perMajor: [...perMajor.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([major, count]) => ({ major, count })),
    canDecide: can(ctx, "subscription.decide", { teamId: p.teamId }),
  };
}
