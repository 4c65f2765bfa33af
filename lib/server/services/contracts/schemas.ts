import { z } from "zod";
import { SOURCE_FORMATS } from "@/lib/domain/contracts/source";

/** 512 KiB of contract text is far above any real contract and keeps a request bounded. */
export const MAX_SOURCE_CHARS = 512 * 1024;

const ZKey = z.string().trim().min(1).max(200);
const ZSource = z.string().max(MAX_SOURCE_CHARS, `A contract document is at most ${MAX_SOURCE_CHARS} characters`);

export const ZPublishContract = z.object({
  key: ZKey,
  source: ZSource,
  format: z.enum(SOURCE_FORMATS).default("auto"),
  dryRun: z.boolean().default(false),
  /** A draft of this product the publish replaces (deleted in the same transaction). */
  draftId: z.string().min(1).max(64).optional(),
});
export type TPublishContract = z.input<typeof ZPublishContract>;

export const ZSaveDraft = z.object({ key: ZKey, source: ZSource, draftId: z.string().min(1).max(64).optional() });
export type TSaveDraft = z.input<typeof ZSaveDraft>;

export const ZDeleteDraft = z.object({ key: ZKey, draftId: z.string().min(1).max(64) });
