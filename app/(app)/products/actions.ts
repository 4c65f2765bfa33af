"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionCtx } from "@/lib/server/auth/session";
import { formInput, runAction } from "@/lib/server/http/action";
import { createProduct } from "@/lib/server/services/products/create-product";

export async function createProductAction(_prev: unknown, form: FormData) {
  const raw = formInput(form);
  const input = {
    ...raw,
    tags: String(raw.tags ?? "").split(",").map((t) => t.trim()).filter(Boolean),
    requiresApproval: raw.requiresApproval === "on",
    outputPorts: raw.portLocation ? [{ name: raw.portName || "main", kind: raw.portKind || "TABLE", platform: raw.portPlatform ?? "", location: raw.portLocation }] : [],
  };
  const r = await runAction(async () => createProduct({ ctx: await actionCtx(), input }));
  if (r.ok) {
    revalidatePath("/marketplace");
    redirect(`/products/${r.data.key}`);
  }
  return r;
}
