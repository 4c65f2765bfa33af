import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { can } from "../../auth/guard";
import { ForbiddenError } from "../../errors";
import { loadTeamBySlug } from "./load-webhook-team";

/** A team's webhooks (never their secrets) with the latest deliveries; owners only. */
export async function listWebhooks(ctx: Ctx, slug: string) {
  const db = getDb();
  const team = await loadTeamBySlug(db, slug);
  if (!can(ctx, "webhook.manage", { teamId: team.id })) throw new ForbiddenError("Only the team's owners manage its webhooks.");
  const hooks = await db.webhook.findMany({
    where: { teamId: team.id },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, url: true, active: true, createdAt: true,
      deliveries: { orderBy: { createdAt: "desc" }, take: 20, select: { id: true, event: true, status: true, attempts: true, lastStatusCode: true, lastError: true, nextAttemptAt: true, deliveredAt: true, createdAt: true } },
    },
  });
  return { team, hooks };
}
