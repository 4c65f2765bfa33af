import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { teamsWith } from "../../auth/guard";
import { UnauthenticatedError, ValidationError } from "../../errors";
import { issuesOf } from "./ingest-core";
import { ZListUnclaimed } from "./schemas";

const PAGE = 50;

/** Datasets seen in lineage that no output port claims, most recently seen first; and the products the reader may claim them for. */
export async function listUnclaimedDatasets(ctx: Ctx, input: unknown) {
  if (ctx.actor.kind === "anonymous") throw new UnauthenticatedError();
  const parsed = ZListUnclaimed.safeParse(input);
  if (!parsed.success) throw new ValidationError("The filter is not valid.", issuesOf(parsed.error));
  const { q, page } = parsed.data;
  const db = getDb();
  const where = q
    ? { OR: [{ namespace: { contains: q, mode: "insensitive" as const } }, { name: { contains: q, mode: "insensitive" as const } }, { readBy: { has: q } }, { writtenBy: { has: q } }] }
    : {};
  const teams = teamsWith(ctx, "product.update");
  const [total, rows, claimable] = await Promise.all([
    db.unclaimedDataset.count({ where }),
    db.unclaimedDataset.findMany({ where, orderBy: [{ lastSeen: "desc" }, { id: "asc" }], skip: (page - 1) * PAGE, take: PAGE }),
    teams === "all" || teams.length
      ? db.dataProduct.findMany({ where: teams === "all" ? {} : { teamId: { in: teams } }, select: { key: true, name: true }, orderBy: { key: "asc" }, take: 500 })
      : Promise.resolve([]),
  ]);
  return {
    total,
    page,
    pageSize: PAGE,
    datasets: rows.map((d) => ({ id: d.id, namespace: d.namespace, name: d.name, firstSeen: d.firstSeen.toISOString(), lastSeen: d.lastSeen.toISOString(), eventCount: d.eventCount, readBy: d.readBy, writtenBy: d.writtenBy })),
    claimable,
  };
}
