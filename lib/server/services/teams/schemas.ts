import { z } from "zod";

export const ZTeamSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, "Slugs are 1-40 lowercase letters, digits and dashes, not starting or ending with a dash");
export const ZTeamRole = z.enum(["OWNER", "MEMBER"]);

const optionalHandle = (label: string, re: RegExp, hint: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), z.string().trim().max(80).regex(re, `${label}: ${hint}`).nullable().optional());

/** "@orders-oncall", or a pager/rota name. */
export const ZOnCallHandle = optionalHandle("On-call handle", /^@?[\p{L}\p{N}._-]{1,79}$/u, "letters, digits, dots, dashes, underscores, optionally starting with @");
/** "#orders-data", a mailing list, or an https link. */
export const ZContactChannel = optionalHandle(
  "Contact channel",
  /^(#[\p{L}\p{N}._-]{1,79}|[^\s@<>"]+@[^\s@<>"]+|https:\/\/[^\s<>"]+)$/u,
  "a #channel, an email address or an https:// link",
);

const ZName = z.string().trim().min(1, "Name is required").max(80);
const ZDescription = z.string().trim().max(2000);

export const ZCreateTeam = z.object({
  slug: ZTeamSlug,
  name: ZName,
  description: ZDescription.default(""),
  onCallHandle: ZOnCallHandle,
  contactChannel: ZContactChannel,
});
export type TCreateTeam = z.input<typeof ZCreateTeam>;

export const ZUpdateTeam = z.object({
  slug: ZTeamSlug,
  name: ZName.optional(),
  description: ZDescription.optional(),
  onCallHandle: ZOnCallHandle,
  contactChannel: ZContactChannel,
});
export type TUpdateTeam = z.input<typeof ZUpdateTeam>;

export const ZAddMember = z.object({
  slug: ZTeamSlug,
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(320),
  role: ZTeamRole.default("MEMBER"),
});
export type TAddMember = z.input<typeof ZAddMember>;

export const ZMemberRef = z.object({ slug: ZTeamSlug, userId: z.string().trim().min(1).max(64) });
export type TMemberRef = z.input<typeof ZMemberRef>;

export const ZChangeRole = ZMemberRef.extend({ role: ZTeamRole });
export type TChangeRole = z.input<typeof ZChangeRole>;

/** What a team looks like to its readers (plain DTO). */
export const teamSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  onCallHandle: true,
  contactChannel: true,
  createdAt: true,
} as const;
