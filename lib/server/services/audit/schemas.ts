import { z } from "zod";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(t: T) => z.preprocess(blankToUndefined, t.optional());

export const ZListAudit = z.object({
  team: optional(z.string().trim().toLowerCase().max(40)),
  product: optional(z.string().trim().max(200)),
  /** An action or an action prefix: "team.member" matches team.member.add and team.member.remove. */
  action: optional(z.string().trim().max(80).regex(/^[a-z0-9._-]+$/, "Actions are words like team.update")),
  /** Part of the actor's email or token name. */
  actor: optional(z.string().trim().max(120)),
  entityType: optional(z.string().trim().max(40).regex(/^[A-Za-z]+$/)),
  from: optional(z.coerce.date()),
  to: optional(z.coerce.date()),
  /** Where the previous page ended (its nextCursor: "<time in ms>.<id>"). */
  cursor: optional(z.string().regex(/^\d{1,15}\.\d{1,19}$/, "Use the nextCursor of the previous page")),
  limit: optional(z.coerce.number().int().min(1).max(200)).default(50),
});
export type TListAudit = z.input<typeof ZListAudit>;
