import "server-only";
import { getDb } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import type { Ctx } from "../../auth/context";
import { can, requirePermission, teamsWith } from "../../auth/guard";
import { NotFoundError, UnauthenticatedError, ValidationError } from "../../errors";
import { ZListAudit } from "./schemas";

/**
 * The audit trail, newest first (by time, then id). A product's or a team's entries need `audit.read` on that team;
 * without either filter: everything for admins (`audit.read.all`), else the actor's own teams.
 */
export async function listAudit({ ctx, input }: { ctx: Ctx; input: unknown }) {
  if (ctx.actor.kind === "anonymous") throw new UnauthenticatedError();
  const parsed = ZListAudit.safeParse(input ?? {});
  if (!parsed.success) throw new ValidationError("The audit filter is not valid.", parsed.error.issues);
  const f = parsed.data;
  const db = getDb();
  const where: Prisma.AuditLogWhereInput = {};
  if (f.product) {
    const p = await db.dataProduct.findUnique({ where: { key: f.product }, select: { id: true, teamId: true } });
    if (!p) throw new NotFoundError(`Data product "${f.product}"`);
    requirePermission(ctx, "audit.read", { teamId: p.teamId });
    where.productId = p.id;
  }
  if (f.team) {
    const t = await db.team.findUnique({ where: { slug: f.team }, select: { id: true } });
    if (!t) throw new NotFoundError(`Team "${f.team}"`);
    requirePermission(ctx, "audit.read", { teamId: t.id });
    where.teamId = t.id;
  }
  if (!f.product && !f.team && !can(ctx, "audit.read.all")) {
    const teams = teamsWith(ctx, "audit.read");
    where.teamId = { in: teams === "all" ? [] : teams };
  }
  if (f.action) where.action = { startsWith: f.action };
  if (f.actor) where.actorLabel = { contains: f.actor, mode: "insensitive" };
  if (f.entityType) where.entityType = f.entityType;
  if (f.from || f.to) where.createdAt = { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) };
  if (f.cursor) {
    const [ms, id] = f.cursor.split(".");
    const at = new Date(Number(ms));
    where.AND = [{ OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: BigInt(id) } }] }];
  }
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: f.limit + 1,
    select: {
      id: true,
      createdAt: true,
      actorLabel: true,
      actorUserId: true,
      actorTokenId: true,
      action: true,
      entityType: true,
      entityId: true,
      teamId: true,
      before: true,
      after: true,
      requestId: true,
      product: { select: { key: true, name: true } },
    },
  });
  const page = rows.slice(0, f.limit);
  const teamIds = [...new Set(page.map((r) => r.teamId).filter((x): x is string => !!x))];
  const teams = new Map((await db.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, slug: true, name: true } })).map((t) => [t.id, t]));
  return {
    entries: page.map(({ id, actorUserId, actorTokenId, teamId, ...r }) => ({
      ...r,
      id: id.toString(),
      actorKind: actorUserId ? ("user" as const) : actorTokenId ? ("token" as const) : ("system" as const),
      team: teamId ? (teams.get(teamId) ?? null) : null,
    })),
    nextCursor: rows.length > f.limit ? `${page[page.length - 1].createdAt.getTime()}.${page[page.length - 1].id}` : null,
  };
}
export type AuditPage = Awaited<ReturnType<typeof listAudit>>;
export type AuditEntryDto = AuditPage["entries"][number];
