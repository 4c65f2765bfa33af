import "server-only";
import { z } from "zod";

// The one place that reads process.env. Parsed lazily so tests can set DATABASE_URL first.
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: start the app with `npm run start:demo` or set it to a PostgreSQL URL" })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  NEXTAUTH_URL: z.url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default("Single sign-on"),
  TESSERA_ADMIN_EMAILS: z.string().default(""),
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
