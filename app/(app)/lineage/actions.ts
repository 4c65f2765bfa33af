"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionCtx } from "@/lib/server/auth/session";
import { formInput, runAction } from "@/lib/server/http/action";
import { claimDataset } from "@/lib/server/services/lineage/claim-dataset";
import { waiveViolation } from "@/lib/server/services/lineage/waive-violation";
import { reopenViolation } from "@/lib/server/services/lineage/reopen-violation";

// Thin adapters: the services parse and authorize.
const opt = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

export async function claimDatasetAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const f = formInput(form);
    const r = await claimDataset({ ctx: await actionCtx(), input: { namespace: f.namespace, name: f.name, product: f.product, portName: opt(f.portName), kind: opt(f.kind) } });
    revalidatePath("/lineage/unclaimed");
    revalidatePath("/lineage");
    // Show the owner what the claim did: the product's dependencies, with the new observed edges.
    redirect(`/products/${encodeURIComponent(r.product)}/dependencies?${new URLSearchParams({ claimed: r.port.name, edges: String(r.edges.length) })}`);
  });
}

export async function waiveViolationAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const f = formInput(form);
    const r = await waiveViolation({ ctx: await actionCtx(), input: { dependencyId: f.dependencyId, reason: f.reason } });
    revalidatePath("/lineage");
    return r;
  });
}

export async function reopenViolationAction(_prev: unknown, form: FormData) {
  return runAction(async () => {
    const f = formInput(form);
    const r = await reopenViolation({ ctx: await actionCtx(), input: { dependencyId: f.dependencyId, reason: opt(f.reason) } });
    revalidatePath("/lineage");
    return r;
  });
}
