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

const json = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as object));

/** Writes the audit row inside the caller's transaction, so the change and its record commit together. */
export async function writeAudit(tx: Tx, ctx: Ctx, entry: AuditEntry): Promise<void> {
  const a = ctx.actor;
  await tx.auditLog.create({
    data: {
      actorUserId: a.kind === "user" ? a.userId : null,
      actorTokenId: a.kind === "token" ? a.tokenId : null,
      actorLabel: actorLabel(a),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      teamId: entry.teamId ?? null,
      productId: entry.productId ?? null,
      before: json(entry.before),
      after: json(entry.after),
      requestId: ctx.requestId,
    },
  });
}

/**
 * The same row as writeAudit, as an INSERT for a statement that writes and audits in one go (a
 * data-modifying CTE, one round trip). `afterSql`, a jsonb expression, is merged into `after`:
 * figures only that statement knows (rows stored).
 */
export function auditInsertSql(ctx: Ctx, entry: AuditEntry, afterSql?: Prisma.Sql): Prisma.Sql {
  const a = ctx.actor;
  const after = entry.after === undefined ? null : JSON.stringify(entry.after);
  const before = entry.before === undefined ? null : JSON.stringify(entry.before);
  const afterValue = afterSql ? Prisma.sql`COALESCE(${after}::jsonb, '{}'::jsonb) || ${afterSql}` : Prisma.sql`${after}::jsonb`;
  return Prisma.sql`INSERT INTO "AuditLog" ("actorUserId", "actorTokenId", "actorLabel", action, "entityType", "entityId", "teamId", "productId", before, after, "requestId")
    VALUES (${a.kind === "user" ? a.userId : null}, ${a.kind === "token" ? a.tokenId : null}, ${actorLabel(a)}, ${entry.action}, ${entry.entityType}, ${entry.entityId},
            ${entry.teamId ?? null}, ${entry.productId ?? null}, ${before}::jsonb, ${afterValue}, ${ctx.requestId})`;
}
