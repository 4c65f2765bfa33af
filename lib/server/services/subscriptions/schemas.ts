import { z } from "zod";

const ZKey = z.string().trim().min(1).max(200);
const ZId = z.string().trim().min(1).max(64);
const ZReason = z.string().trim().min(3, "Give a reason the other team can act on (at least 3 characters)").max(1000);

export const ZDependencyKind = z.enum(["HARD", "SOFT", "CONTROL", "TRUTH"]);

export const ZCreateSubscription = z.object({
  productKey: ZKey,
  consumerTeam: z.string().trim().min(1, "Choose the team that consumes the product").max(64),
  consumingProductKey: ZKey.optional().or(z.literal("").transform(() => undefined)),
  pinRange: z.string().trim().max(40).optional().or(z.literal("").transform(() => undefined)),
  purpose: z.string().trim().min(3, "Say what your team uses it for: the owner reads it").max(1000),
  dependencyKind: ZDependencyKind.default("HARD"),
});
export type TCreateSubscription = z.input<typeof ZCreateSubscription>;

export const ZDecideSubscription = z.discriminatedUnion("decision", [
  z.object({ id: ZId, decision: z.literal("approve"), reason: z.string().trim().max(1000).optional() }),
  z.object({ id: ZId, decision: z.literal("reject"), reason: ZReason }),
]);

export const ZRevokeSubscription = z.object({ id: ZId, reason: ZReason });
export const ZWithdrawSubscription = z.object({ id: ZId });

export const ZUpdateSubscription = z
  .object({
    id: ZId,
    pinRange: z.string().trim().min(1).max(40).optional(),
    purpose: z.string().trim().min(3, "Say what your team uses it for: the owner reads it").max(1000).optional(),
  })
  .refine((v) => v.pinRange !== undefined || v.purpose !== undefined, "Change the pin or the purpose");

export const ZUpgradePlan = z.object({ id: ZId, target: z.string().trim().max(40).optional() });
