"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionCtx } from "@/lib/server/auth/session";
import { withClock } from "@/lib/server/clock";
import { formInput, runAction } from "@/lib/server/http/action";
import { kickJob } from "@/lib/server/jobs/kick";
import { publishNotice } from "@/lib/server/services/deprecations/publish-notice";
import { updateNotice } from "@/lib/server/services/deprecations/update-notice";
import { withdrawNotice } from "@/lib/server/services/deprecations/withdraw-notice";
import { acknowledgeNotice } from "@/lib/server/services/deprecations/acknowledge-notice";

// Thin adapters: the services parse and authorize; `now` comes from the (test-movable) clock.

export async function publishNoticeAction(_prev: unknown, form: FormData) {
  const r = await runAction(async () => publishNotice({ ctx: await withClock(await actionCtx()), input: formInput(form) }));
  if (r.ok) {
    kickJob("webhooks.deliver");
    revalidatePath("/", "layout");
    redirect(`/products/${encodeURIComponent(r.data.product.key)}/deprecations?published=${r.data.id}`);
  }
  return r;
}

export async function updateNoticeAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const r = await updateNotice({ ctx: await withClock(await actionCtx()), input: formInput(form) });
    revalidatePath("/", "layout");
    return r;
  });
}

export async function withdrawNoticeAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const r = await withdrawNotice({ ctx: await withClock(await actionCtx()), input: formInput(form) });
    revalidatePath("/", "layout");
    return r;
  });
}

export async function acknowledgeNoticeAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const r = await acknowledgeNotice({ ctx: await withClock(await actionCtx()), input: formInput(form) });
    revalidatePath("/", "layout");
    return r;
  });
}
