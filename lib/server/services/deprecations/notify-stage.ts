import "server-only";
import type { Tx } from "../../db/client";
import { notifyTeams } from "../../notify";
import { reminderKey, reminderTitle, type ReminderStage } from "@/lib/domain/deprecations/reminders";
import { daysLeft } from "@/lib/domain/deprecations/sunset-rule";
import { enqueueWebhookEvent } from "../webhooks/enqueue-webhook-event";
import { noticeWhat } from "./shared";

export interface StageNotice {
  id: string;
  targetRange: string | null;
  reason: string;
  sunsetAt: Date;
  announcedAt: Date;
  replacementRange: string | null;
  replacementProduct: { key: string } | null;
  product: { key: string };
}

/**
 * One stage's in-app notifications (every member of each team) and webhook deliveries (each team
 * webhook), inside the caller's transaction. Both are keyed by the stage's dedupe key, so running
 * it again, or from another instance, adds nothing.
 */
export async function notifyStage(tx: Tx, notice: StageNotice, stage: ReminderStage, teamIds: string[], now: Date): Promise<number> {
  const teams = [...new Set(teamIds)];
  if (teams.length === 0) return 0;
  const what = noticeWhat(notice);
  const replacement = notice.replacementProduct || notice.replacementRange ? `${notice.replacementProduct?.key ?? notice.product.key} ${notice.replacementRange ?? ""}`.trim() : null;
  const dedupeKey = reminderKey(stage, notice.id, notice.sunsetAt);
  const body = `${notice.reason}${replacement ? ` Replacement: ${replacement}.` : ""} ${daysLeft(notice.sunsetAt, now)} days left.`;
  const n = await notifyTeams(tx, teams, { kind: `deprecation.${stage}`, title: reminderTitle(stage, what, notice.sunsetAt), body, link: `/products/${notice.product.key}/deprecations#notice-${notice.id}`, dedupeKey });
  await enqueueWebhookEvent(tx, teams, {
    event: stage === "announced" ? "deprecation.announced" : stage === "sunset" ? "deprecation.sunset" : "deprecation.reminder",
    dedupeKey,
    payload: {
      stage,
      notice: { id: notice.id, product: notice.product.key, targetRange: notice.targetRange, reason: notice.reason, announcedAt: notice.announcedAt.toISOString(), sunsetAt: notice.sunsetAt.toISOString(), replacement },
      daysLeft: daysLeft(notice.sunsetAt, now),
    },
    now,
  });
  return n;
}
