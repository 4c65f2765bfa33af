import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { requirePermission } from "../../auth/guard";
import { writeAudit } from "../../audit";
import { NotFoundError, ValidationError } from "../../errors";
import { ZSaveDraft } from "./schemas";

/** Saves an editable, unpublished contract document (new, or over an existing draft). */
export async function saveContractDraft({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const parsed = ZSaveDraft.safeParse(input);
  if (!parsed.success) throw new ValidationError("The draft is not valid.", parsed.error.issues);
  const { key, source, draftId } = parsed.data;
  const db = getDb();
  const owner = await db.dataProduct.findUnique({ where: { key }, select: { teamId: true } });
  if (!owner) throw new NotFoundError(`Data product "${key}"`);
  requirePermission(ctx, "contract.draft", { teamId: owner.teamId });
  const authorId = ctx.actor.kind === "user" ? ctx.actor.userId : null;
  return db.$transaction(async (tx) => {
    const product = await tx.dataProduct.findFirst({ where: { key, teamId: owner.teamId }, select: { id: true } });
    if (!product) throw new NotFoundError(`Data product "${key}"`);
    let draft;
    if (draftId) {
      const before = await tx.contractDraft.findFirst({ where: { id: draftId, productId: product.id }, select: { id: true } });
      if (!before) throw new NotFoundError("The draft");
      draft = await tx.contractDraft.update({ where: { id: before.id }, data: { sourceYaml: source, authorId }, select: { id: true, updatedAt: true } });
    } else {
      draft = await tx.contractDraft.create({ data: { productId: product.id, sourceYaml: source, authorId }, select: { id: true, updatedAt: true } });
    }
    await writeAudit(tx, ctx, { action: "contract.draft.save", entityType: "ContractDraft", entityId: draft.id, teamId: owner.teamId, productId: product.id, after: { characters: source.length } });
    return draft;
  });
}
