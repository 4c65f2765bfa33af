"use server";
import { revalidatePath } from "next/cache";
import { actionCtx } from "@/lib/server/auth/session";
import { withClock } from "@/lib/server/clock";
import { formInput, runAction } from "@/lib/server/http/action";
import { kickJob } from "@/lib/server/jobs/kick";
import { createWebhook } from "@/lib/server/services/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/server/services/webhooks/delete-webhook";
import { sendTestWebhook } from "@/lib/server/services/webhooks/send-test-webhook";

export async function createWebhookAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const r = await createWebhook({ ctx: await withClock(await actionCtx()), input: formInput(form) });
    revalidatePath(`/teams/${String(form.get("team"))}/webhooks`);
    return r;
  });
}

export async function deleteWebhookAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const r = await deleteWebhook({ ctx: await withClock(await actionCtx()), input: formInput(form) });
    revalidatePath(`/teams/${String(form.get("team"))}/webhooks`);
    return r;
  });
}

export async function sendTestWebhookAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const r = await sendTestWebhook({ ctx: await withClock(await actionCtx()), input: formInput(form) });
    kickJob("webhooks.deliver");
    revalidatePath(`/teams/${String(form.get("team"))}/webhooks`);
    return r;
  });
}
