import "server-only";

export type TeamRole = "OWNER" | "MEMBER";
export type TokenScope = "READ" | "CONTRACTS_WRITE" | "MEASUREMENTS_WRITE" | "SUBSCRIPTIONS_WRITE" | "LINEAGE_WRITE";

/**
 * The one role-to-permission map. `team` permissions are checked against the team that owns the
 * target (the product's owner team, the subscription's consumer team, the team itself); `platform`
 * permissions need a platform admin. A token acts for its team within its scopes.
 */
export const PERMISSIONS = {
  "team.read": { scope: "team", roles: ["OWNER", "MEMBER"], token: "READ" },
  "team.update": { scope: "team", roles: ["OWNER"] },
  "team.members.manage": { scope: "team", roles: ["OWNER"] },
  "team.create": { scope: "authenticated" },
  "token.manage": { scope: "team", roles: ["OWNER"] },
  "webhook.manage": { scope: "team", roles: ["OWNER"] },
  "audit.read": { scope: "team", roles: ["OWNER", "MEMBER"], token: "READ" },
  "domain.create": { scope: "team", roles: ["OWNER"] },
  "domain.update": { scope: "team", roles: ["OWNER"] },
  "product.create": { scope: "team", roles: ["OWNER", "MEMBER"], token: "CONTRACTS_WRITE" },
  "product.update": { scope: "team", roles: ["OWNER", "MEMBER"], token: "CONTRACTS_WRITE" },
  "contract.publish": { scope: "team", roles: ["OWNER", "MEMBER"], token: "CONTRACTS_WRITE" },
  "contract.draft": { scope: "team", roles: ["OWNER", "MEMBER"], token: "CONTRACTS_WRITE" },
  "dependency.manage": { scope: "team", roles: ["OWNER", "MEMBER"], token: "LINEAGE_WRITE" },
  "measurement.write": { scope: "team", roles: ["OWNER", "MEMBER"], token: "MEASUREMENTS_WRITE" },
  "slo.update": { scope: "team", roles: ["OWNER", "MEMBER"] },
  "deprecation.publish": { scope: "team", roles: ["OWNER"], token: "CONTRACTS_WRITE" },
  "deprecation.acknowledge": { scope: "team", roles: ["OWNER", "MEMBER"], token: "SUBSCRIPTIONS_WRITE" },
  "subscription.manage": { scope: "team", roles: ["OWNER", "MEMBER"], token: "SUBSCRIPTIONS_WRITE" },
  "subscription.decide": { scope: "team", roles: ["OWNER"] },
  "lineage.write": { scope: "authenticated-token", token: "LINEAGE_WRITE" },
  "governance.manage": { scope: "platform" },
  "deprecation.override": { scope: "platform" },
  "audit.read.all": { scope: "platform" },
  "user.manage": { scope: "platform" },
} as const satisfies Record<string, PermissionRule>;

export type PermissionRule =
  | { scope: "team"; roles: readonly TeamRole[]; token?: TokenScope }
  | { scope: "platform" }
  | { scope: "authenticated" }
  | { scope: "authenticated-token"; token: TokenScope };

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];
