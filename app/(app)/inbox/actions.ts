"use server";
import { revalidatePath } from "next/cache";
import { actionCtx } from "@/lib/server/auth/session";
import { withClock } from "@/lib/server/clock";
import { formInput, runAction } from "@/lib/server/http/action";
import { markRead } from "@/lib/server/services/notifications/mark-read";

export async function markReadAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const r = await markRead({ ctx: await withClock(await actionCtx()), input: formInput(form) });
    revalidatePath("/", "layout");
    return r;
  });
}
