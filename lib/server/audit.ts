import "server-only";
import type { Tx } from "./db/client";
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
