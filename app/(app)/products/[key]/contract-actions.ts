"use server";
import { revalidatePath } from "next/cache";
import { actionCtx } from "@/lib/server/auth/session";
import { runAction, type ActionResult } from "@/lib/server/http/action";
import { toAppError } from "@/lib/server/errors";
import type { PublishReport } from "@/lib/domain/contracts/publish-check";
import { publishContractVersion } from "@/lib/server/services/contracts/publish-contract-version";
import { reportOf } from "@/lib/server/services/contracts/refusal";
import { saveContractDraft } from "@/lib/server/services/contracts/save-contract-draft";
import { deleteContractDraft } from "@/lib/server/services/contracts/delete-contract-draft";

/** The publish report for the text in the editor (a dry run: nothing is written). */
export async function previewContractAction(key: string, source: string): Promise<ActionResult<PublishReport>> {
  return runAction(async () => (await publishContractVersion({ ctx: await actionCtx(), input: { key, source, dryRun: true } })).report);
}

export type PublishActionResult =
  | { ok: true; version: string }
  | { ok: false; error: { code: string; message: string }; report: PublishReport | null };

export async function publishContractAction(key: string, source: string, draftId?: string): Promise<PublishActionResult> {
  try {
    const r = await publishContractVersion({ ctx: await actionCtx(), input: { key, source, draftId } });
    revalidatePath(`/products/${key}`);
    return { ok: true, version: r.published!.version };
  } catch (e) {
    const err = toAppError(e);
    return { ok: false, error: { code: err.code, message: err.message }, report: reportOf(e) ?? null };
  }
}

export async function saveDraftAction(key: string, source: string, draftId?: string) {
  const r = await runAction(async () => saveContractDraft({ ctx: await actionCtx(), input: { key, source, draftId } }));
  if (r.ok) revalidatePath(`/products/${key}`);
  return r;
}

export async function deleteDraftAction(key: string, draftId: string) {
  const r = await runAction(async () => deleteContractDraft({ ctx: await actionCtx(), input: { key, draftId } }));
  if (r.ok) revalidatePath(`/products/${key}`);
  return r;
}
