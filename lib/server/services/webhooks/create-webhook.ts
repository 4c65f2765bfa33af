import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { env } from "../../env";
import { ValidationError } from "../../errors";
import { ZCreateWebhook } from "./schemas";
import { loadTeamBySlug } from "./load-webhook-team";
import { unsafeDestination } from "./url-safety";

/** Adds a team webhook; the signing secret is returned once, here, and never shown again. */
export async function createWebhook({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZCreateWebhook.safeParse(input);
  if (!parsed.success) throw new ValidationError("The webhook is not valid.", parsed.error.issues);
  const db = getDb();
  const team = await loadTeamBySlug(db, parsed.data.team);
  requirePermission(ctx, "webhook.manage", { teamId: team.id });
  const unsafe = await unsafeDestination(parsed.data.url, env().TESSERA_TEST_CLOCK, false);
  if (unsafe) throw new ValidationError(`This URL cannot receive webhooks: ${unsafe}.`, [{ path: ["url"], message: unsafe }]);
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  return db.$transaction(async (tx) => {
    const hook = await tx.webhook.create({ data: { teamId: team.id, url: parsed.data.url, secret }, select: { id: true, url: true, createdAt: true } });
    await writeAudit(tx, ctx, { action: "webhook.create", entityType: "Webhook", entityId: hook.id, teamId: team.id, after: hook });
    return { ...hook, secret };
  });
}
