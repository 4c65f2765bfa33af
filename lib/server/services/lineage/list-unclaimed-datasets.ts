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
  const teams = teamsWith(ctx, "product.update");
  // The text may be part of a job name, which lives in the readBy / writtenBy arrays.
  const like = `%${(q ?? "").replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const [ids, claimable] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "UnclaimedDataset"
      WHERE ${!q} OR namespace ILIKE ${like} OR name ILIKE ${like} OR array_to_string("readBy", ' ') ILIKE ${like} OR array_to_string("writtenBy", ' ') ILIKE ${like}
      ORDER BY "lastSeen" DESC, id ASC
      LIMIT 100000`,
    teams === "all" || teams.length
      ? db.dataProduct.findMany({ where: teams === "all" ? {} : { teamId: { in: teams } }, select: { key: true, name: true }, orderBy: { key: "asc" }, take: 500 })
      : Promise.resolve([]),
  ]);
  const total = ids.length;
  const pageIds = ids.slice((page - 1) * PAGE, page * PAGE).map((r) => r.id);
  const found = await db.unclaimedDataset.findMany({ where: { id: { in: pageIds } } });
  const rows = pageIds.map((id) => found.find((d) => d.id === id)!).filter(Boolean);
  return {
    total,
    page,
    pageSize: PAGE,
    datasets: rows.map((d) => ({ id: d.id, namespace: d.namespace, name: d.name, firstSeen: d.firstSeen.toISOString(), lastSeen: d.lastSeen.toISOString(), eventCount: d.eventCount, readBy: d.readBy, writtenBy: d.writtenBy })),
    claimable,
  };
}
