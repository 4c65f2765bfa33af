import { z } from "zod";

export const ZEmail = z.string().trim().toLowerCase().email("Enter a valid email address").max(320);

export const ZGrantAdmin = z.object({
  email: ZEmail,
  /** Create the user when nobody has that email yet (so their first SSO sign-in is already an admin). */
  createIfMissing: z.boolean().default(false),
  name: z.string().trim().min(1).max(120).optional(),
});
export type TGrantAdmin = z.input<typeof ZGrantAdmin>;

/** The claims Tessera uses from an OpenID Connect id_token. */
export const ZOidcProfile = z.object({
  provider: z.string().min(1).max(60),
  sub: z.string().min(1).max(255),
  email: ZEmail,
  emailVerified: z.boolean().optional(),
  name: z.string().trim().max(120).optional(),
});
export type TOidcProfile = z.input<typeof ZOidcProfile>;

export const ZSetPassword = z.object({
  email: ZEmail,
  /** At least 12 characters: the only password rule (NIST 800-63B: length, no composition rules). */
  password: z.string().min(12, "A password needs at least 12 characters").max(256, "A password has at most 256 characters"),
  /** Create the user when nobody has that email yet. */
  createIfMissing: z.boolean().default(false),
  name: z.string().trim().min(1).max(120).optional(),
  /** Also make the user a platform admin. */
  admin: z.boolean().default(false),
});
export type TSetPassword = z.input<typeof ZSetPassword>;
