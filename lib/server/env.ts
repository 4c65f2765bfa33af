import "server-only";
import { z } from "zod";

const optionalText = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().optional());
const emailList = z
  .string()
  .default("")
  .transform((s) => s.split(/[,\s]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))
  .refine((list) => list.every((e) => /^[^@\s]+@[^@\s]+$/.test(e)), "TESSERA_ADMIN_EMAILS must be a comma-separated list of email addresses");

// The one place that reads process.env. Parsed lazily so tests can set DATABASE_URL first.
const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "DATABASE_URL is not set: start the app with `npm run start:demo` or set it to a PostgreSQL URL" })
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
    NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
    NEXTAUTH_URL: z.url({ error: "NEXTAUTH_URL must be the public URL of the app, e.g. https://tessera.example.com" }).optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    OIDC_ISSUER: z.preprocess((v) => (v === "" ? undefined : v), z.url({ error: "OIDC_ISSUER must be the issuer URL of your OpenID Connect provider" }).optional()),
    OIDC_CLIENT_ID: optionalText,
    OIDC_CLIENT_SECRET: optionalText,
    OIDC_NAME: z.string().trim().min(1).max(60).default("Single sign-on"),
    TESSERA_ADMIN_EMAILS: emailList,
    /** Sign-in attempts allowed per email (and 5x that per client address) in 15 minutes. */
    TESSERA_SIGNIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
    /** API requests allowed per token (or per signed-in user) per minute. */
    TESSERA_API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
    /** "1" only in test runs: lets tests move the clock (lib/server/clock.ts). */
    TESSERA_TEST_CLOCK: z.enum(["0", "1"]).default("0").transform((v) => v === "1"),
    /** "off" disables the background job runner in this process. */
    TESSERA_JOBS: z.enum(["on", "off"]).default("on"),
  })
  .superRefine((e, ctx) => {
    const oidc = { OIDC_ISSUER: e.OIDC_ISSUER, OIDC_CLIENT_ID: e.OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: e.OIDC_CLIENT_SECRET };
    const set = Object.entries(oidc).filter(([, v]) => v);
    if (set.length > 0 && set.length < 3) {
      for (const [k, v] of Object.entries(oidc)) {
        if (!v) ctx.addIssue({ code: "custom", path: [k], message: `${k} is required when single sign-on is configured (set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together)` });
      }
    }
  });

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

export function env(): TEnv {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Secret used to sign session cookies. */
export function authSecret(): string {
  const e = env();
  const s = e.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (s) return s;
  if (e.NODE_ENV === "production") throw new Error("Invalid configuration:\n  NEXTAUTH_SECRET: required in production");
  return "tessera-development-secret-not-for-production";
}

/** The OpenID Connect provider, when all three OIDC_* variables are set. */
export function oidcConfig(): { issuer: string; clientId: string; clientSecret: string; name: string } | null {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  return { issuer: e.OIDC_ISSUER.replace(/\/$/, ""), clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, name: e.OIDC_NAME };
}

/** Cookies get the Secure flag (and the __Secure- prefix) when the app is served over https. */
export function useSecureCookies(): boolean {
  return (env().NEXTAUTH_URL ?? "").startsWith("https://");
}

/** Validates the whole configuration at start (instrumentation.ts); throws one message naming each bad variable. */
export function assertEnv(): void {
  env();
  authSecret();
}
