import { z } from "zod";
import { ZTeamSlug } from "../teams/schemas";

/** Scopes as the API and CLI spell them, and as the database stores them. */
export const SCOPE_NAMES = {
  read: "READ",
  "contracts:write": "CONTRACTS_WRITE",
  "measurements:write": "MEASUREMENTS_WRITE",
  "subscriptions:write": "SUBSCRIPTIONS_WRITE",
  "lineage:write": "LINEAGE_WRITE",
} as const;
export type TScopeName = keyof typeof SCOPE_NAMES;
export type TScope = (typeof SCOPE_NAMES)[TScopeName];
export const SCOPE_LIST = Object.keys(SCOPE_NAMES) as TScopeName[];
export const scopeName = (s: TScope): TScopeName => SCOPE_LIST.find((n) => SCOPE_NAMES[n] === s)!;

export const SCOPE_HELP: Record<TScopeName, string> = {
  read: "Read the team's private data (members, audit) through the API",
  "contracts:write": "Create and edit products, publish contracts and deprecations",
  "measurements:write": "Post SLO measurements",
  "subscriptions:write": "Subscribe, move pins, acknowledge deprecations",
  "lineage:write": "Declare dependencies and send lineage events",
};

export const ZScopeName = z.enum(SCOPE_LIST as [TScopeName, ...TScopeName[]], { error: `Scopes are ${SCOPE_LIST.join(", ")}` });

export const ZCreateToken = z
  .object({
    team: ZTeamSlug,
    name: z.string().trim().min(1, "Give the token a name (e.g. the CI pipeline using it)").max(80),
    scopes: z
      .array(ZScopeName)
      .min(1, "Pick at least one scope")
      .max(SCOPE_LIST.length)
      .transform((s) => [...new Set(s)]),
    /** Days until it stops working; omitted or null: no expiry. */
    expiresInDays: z.coerce.number().int().min(1).max(3650).nullable().optional(),
  })
  .strict();
export type TCreateToken = z.input<typeof ZCreateToken>;

export const ZTokenRef = z.object({ team: ZTeamSlug, tokenId: z.string().trim().min(1).max(64) }).strict();
export type TTokenRef = z.input<typeof ZTokenRef>;

/** A token as owners see it: never the secret or its hash. */
export const tokenSelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
  createdBy: { select: { name: true, email: true } },
} as const;
