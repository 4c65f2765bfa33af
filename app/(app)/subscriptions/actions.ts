"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionCtx } from "@/lib/server/auth/session";
import { formInput, runAction } from "@/lib/server/http/action";
import { createSubscription } from "@/lib/server/services/subscriptions/create-subscription";
import { updateSubscription } from "@/lib/server/services/subscriptions/update-subscription";
import { withdrawSubscription } from "@/lib/server/services/subscriptions/withdraw-subscription";
import { decideSubscription } from "@/lib/server/services/subscriptions/decide-subscription";
import { revokeSubscription } from "@/lib/server/services/subscriptions/revoke-subscription";

// Thin adapters: every field goes to the service, which parses and authorizes it.

export async function createSubscriptionAction(_prev: unknown, form: FormData) {
  const r = await runAction(async () => createSubscription({ ctx: await actionCtx(), input: formInput(form) }));
  if (r.ok) {
    revalidatePath("/subscriptions");
    redirect(`/subscriptions/${r.data.id}?created=1`);
  }
  return r;
}

export async function updateSubscriptionAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const r = await updateSubscription({ ctx: await actionCtx(), input: formInput(form) });
    revalidatePath(`/subscriptions/${r.id}`);
    revalidatePath("/subscriptions");
    return r;
  });
}

export async function withdrawSubscriptionAction(_prev: unknown, form: FormData) {
  const r = await runAction(async () => withdrawSubscription({ ctx: await actionCtx(), input: formInput(form) }));
  if (r.ok) {
    revalidatePath("/subscriptions");
    redirect("/subscriptions");
  }
  return r;
}

export async function decideSubscriptionAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const r = await decideSubscription({ ctx: await actionCtx(), input: formInput(form) });
    revalidatePath("/", "layout");
    return r;
  });
}

export async function revokeSubscriptionAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const r = await revokeSubscription({ ctx: await actionCtx(), input: formInput(form) });
    revalidatePath("/", "layout");
    return r;
  });
}
