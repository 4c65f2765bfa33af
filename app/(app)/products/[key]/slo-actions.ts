"use server";
import { revalidatePath } from "next/cache";
import { actionCtx } from "@/lib/server/auth/session";
import { formInput, runAction } from "@/lib/server/http/action";
import { updateSlo } from "@/lib/server/services/slo/update-slo";
import { declareDependency } from "@/lib/server/services/topology/declare-dependency";
import { removeDependency } from "@/lib/server/services/topology/remove-dependency";

// Thin adapters: the services parse and authorize. Form strings become numbers / absent fields here.
const num = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? Number(v) : undefined);
const opt = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

export async function updateSloAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const f = formInput(form);
    const r = await updateSlo({ ctx: await actionCtx(), input: { product: f.product, objective: f.objective, targetPercent: num(f.targetPercent), windowDays: num(f.windowDays), cadenceMinutes: num(f.cadenceMinutes) } });
    revalidatePath(`/products/${String(f.product)}/slo`);
    return r;
  });
}

export async function declareDependencyAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const f = formInput(form);
    const r = await declareDependency({ ctx: await actionCtx(), input: { product: f.product, upstreamProduct: opt(f.upstreamProduct), upstreamSource: opt(f.upstreamSource), kind: f.kind, description: opt(f.description) ?? "" } });
    revalidatePath(`/products/${String(f.product)}/dependencies`);
    return r;
  });
}

export async function removeDependencyAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const f = formInput(form);
    const r = await removeDependency({ ctx: await actionCtx(), input: { product: f.product, dependencyId: f.dependencyId } });
    revalidatePath(`/products/${String(f.product)}/dependencies`);
    return r;
  });
}
