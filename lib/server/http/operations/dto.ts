import "server-only";
import { z } from "zod";
import { SCOPE_LIST } from "../../services/tokens/schemas";

// Response shapes, for the OpenAPI document (handlers return plain DTOs of these shapes).
const when = z.iso.datetime();
export const ZRole = z.enum(["OWNER", "MEMBER"]);

export const ZTeamDto = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  onCallHandle: z.string().nullable(),
  contactChannel: z.string().nullable(),
  createdAt: when,
});

export const ZTeamListItemDto = ZTeamDto.extend({ memberCount: z.number().int(), productCount: z.number().int(), myRole: ZRole.nullable() });

export const ZMemberDto = z.object({ userId: z.string(), email: z.string(), name: z.string(), role: ZRole, since: when });

export const ZTeamDetailDto = ZTeamDto.extend({
  productCount: z.number().int(),
  members: z.array(ZMemberDto).nullable().meta({ description: "null unless the caller may read the team (member, owner, admin, or the team's read token)" }),
  myRole: ZRole.nullable(),
  can: z.object({ read: z.boolean(), update: z.boolean(), manageMembers: z.boolean(), manageTokens: z.boolean(), readAudit: z.boolean() }),
});

export const ZMembershipChangeDto = z.object({ userId: z.string(), email: z.string(), role: ZRole, changed: z.boolean().optional(), name: z.string().optional() });

export const ZTokenDto = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().meta({ description: "The public part of the token, tsr_<prefix>_..., to recognise it" }),
  scopes: z.array(z.enum(SCOPE_LIST as [string, ...string[]])),
  expiresAt: when.nullable(),
  lastUsedAt: when.nullable(),
  revokedAt: when.nullable(),
  createdAt: when,
  createdBy: z.object({ name: z.string(), email: z.string() }).nullable(),
});
export const ZTokenListItemDto = ZTokenDto.extend({ expired: z.boolean() });
export const ZCreatedTokenDto = ZTokenDto.extend({ team: z.string(), token: z.string().meta({ description: "The secret. Shown this once; only its hash is stored." }) });

export const ZAuditEntryDto = z.object({
  id: z.string(),
  createdAt: when,
  actorKind: z.enum(["user", "token", "system"]),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  team: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  product: z.object({ key: z.string(), name: z.string() }).nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});
export const ZAuditPageDto = z.object({ entries: z.array(ZAuditEntryDto), nextCursor: z.string().nullable() });

export const ZMeDto = z.object({
  kind: z.enum(["user", "token"]),
  user: z
    .object({ email: z.string(), name: z.string(), isPlatformAdmin: z.boolean(), teams: z.array(z.object({ slug: z.string(), name: z.string(), role: ZRole })) })
    .optional(),
  token: z.object({ name: z.string(), team: z.string(), scopes: z.array(z.string()) }).optional(),
});

export const ZProductDto = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  reliabilityClass: z.enum(["OPERATIONAL", "DECISION_SUPPORT", "EXPLORATORY"]),
  requiresApproval: z.boolean(),
});
