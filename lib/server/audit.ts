import "server-only";
import type { Tx } from "./db/client";
import { Prisma } from "./db/generated/client";
import { actorLabel, type Ctx } from "./auth/context";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  teamId?: string | null;
  productId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** The audit row's columns for an entry by the context's actor; `before` / `after` as JSON text. */
function auditRow(ctx: Ctx, entry: AuditEntry) {
  const a = ctx.actor;
  const text = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  return {
    actorUserId: a.kind === "user" ? a.userId : null,
    actorTokenId: a.kind === "token" ? a.tokenId : null,
    actorLabel: actorLabel(a),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    teamId: entry.teamId ?? null,
    productId: entry.productId ?? null,
    before: text(entry.before),
    after: text(entry.after),
    requestId: ctx.requestId,
  };
}

/** Writes the audit row inside the caller's transaction, so the change and its record commit together. */
export async function writeAudit(tx: Tx, ctx: Ctx, entry: AuditEntry): Promise<void> {
  const { before, after, ...row } = auditRow(ctx, entry);
  const json = (t: string | null) => (t === null ? undefined : (JSON.parse(t) as object));
  await tx.auditLog.create({ data: { ...row, before: json(before), after: json(after) } });
}

/**
 * The same row as writeAudit, as an INSERT for a statement that writes and audits in one go (a
 * data-modifying CTE, one round trip). `afterSql`, a jsonb expression, is merged into `after`:
 * figures only that statement knows (rows stored).
 */
export function auditInsertSql(ctx: Ctx, entry: AuditEntry, afterSql?: Prisma.Sql): Prisma.Sql {
  const r = auditRow(ctx, entry);
  const after = afterSql ? Prisma.sql`COALESCE(${r.after}::jsonb, '{}'::jsonb) || ${afterSql}` : Prisma.sql`${r.after}::jsonb`;
  return Prisma.sql`INSERT INTO "AuditLog" ("actorUserId", "actorTokenId", "actorLabel", action, "entityType", "entityId", "teamId", "productId", before, after, "requestId")
    VALUES (${r.actorUserId}, ${r.actorTokenId}, ${r.actorLabel}, ${r.action}, ${r.entityType}, ${r.entityId},
            ${r.teamId}, ${r.productId}, ${r.before}::jsonb, ${after}, ${r.requestId})`;
}
