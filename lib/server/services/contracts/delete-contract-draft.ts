import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { NotFoundError, ValidationError } from "../../errors";
import { ZDeleteDraft } from "./schemas";

export async function deleteContractDraft({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZDeleteDraft.safeParse(input);
  if (!parsed.success) throw new ValidationError("The request is not valid.", parsed.error.issues);
  const { key, draftId } = parsed.data;
  const db = getDb();
  const owner = await db.dataProduct.findUnique({ where: { key }, select: { teamId: true } });
  if (!owner) throw new NotFoundError(`Data product "${key}"`);
  requirePermission(ctx, "contract.draft", { teamId: owner.teamId });
  return db.$transaction(async (tx) => {
    const draft = await tx.contractDraft.findFirst({ where: { id: draftId, product: { key, teamId: owner.teamId } }, select: { id: true, productId: true } });
    if (!draft) throw new NotFoundError("The draft");
    await tx.contractDraft.delete({ where: { id: draft.id } });
    await writeAudit(tx, ctx, { action: "contract.draft.delete", entityType: "ContractDraft", entityId: draft.id, teamId: owner.teamId, productId: draft.productId });
    return { id: draft.id };
  });
}
