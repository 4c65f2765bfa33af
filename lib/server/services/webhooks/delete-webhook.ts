import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { NotFoundError, ValidationError } from "../../errors";
import { ZDeleteWebhook } from "./schemas";
import { loadTeamBySlug } from "./load-webhook-team";

/** Removes a team webhook and its delivery log. */
export async function deleteWebhook({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZDeleteWebhook.safeParse(input);
  if (!parsed.success) throw new ValidationError("The request is not valid.", parsed.error.issues);
  const db = getDb();
  const team = await loadTeamBySlug(db, parsed.data.team);
  requirePermission(ctx, "webhook.manage", { teamId: team.id });
  return db.$transaction(async (tx) => {
    const hook = await tx.webhook.findFirst({ where: { id: parsed.data.id, teamId: team.id }, select: { id: true, url: true } });
    if (!hook) throw new NotFoundError("Webhook");
    await tx.webhook.delete({ where: { id: hook.id } });
    await writeAudit(tx, ctx, { action: "webhook.delete", entityType: "Webhook", entityId: hook.id, teamId: team.id, before: hook });
    return { id: hook.id };
  });
}
