import { describe, it, expect } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { hashPassword } from "@/lib/server/auth/password";
import { signInWithPassword } from "@/lib/server/services/auth/sign-in-with-password";
import { signInWithOidc } from "@/lib/server/services/auth/sign-in-with-oidc";
import { loadSessionActor } from "@/lib/server/services/auth/load-session-actor";
import { grantAdmin } from "@/lib/server/services/users/grant-admin";
import { setPassword } from "@/lib/server/services/users/set-password";
import { RateLimitedError, NotFoundError, ForbiddenError, ValidationError } from "@/lib/server/errors";
import { makeCtx } from "@/lib/server/auth/context";
import { createUser, userCtx } from "./factories";

// Read lazily by lib/server/env.ts at the first call.
process.env.TESSERA_ADMIN_EMAILS = "boss@corp.test, Chief@Corp.test";
process.env.TESSERA_SIGNIN_RATE_LIMIT = "4";

const system = makeCtx({ kind: "system", label: "cli (test)" });

describe("sign-in rate limit", () => {
  it("refuses further attempts for an email after the limit, even with the right password", async () => {
    await createUser({ email: "target@test.local", passwordHash: await hashPassword("right-password") });
    for (let i = 0; i < 4; i++) expect(await signInWithPassword({ email: "target@test.local", password: `wrong-${i}` })).toBeNull();
    await expect(signInWithPassword({ email: "target@test.local", password: "right-password" })).rejects.toBeInstanceOf(RateLimitedError);
    const sessions = await getDb().userSession.count({ where: { user: { email: "target@test.local" } } });
    expect(sessions).toBe(0);
  });

  it("limits a client address across emails, and a success clears the email's count", async () => {
    await createUser({ email: "okay@test.local", passwordHash: await hashPassword("pw-okay-123") });
    for (let i = 0; i < 3; i++) expect(await signInWithPassword({ email: "okay@test.local", password: "typo" }, { ip: "10.0.0.9" })).toBeNull();
    expect(await signInWithPassword({ email: "okay@test.local", password: "pw-okay-123" }, { ip: "10.0.0.9" })).not.toBeNull();
    // The email's count restarted: more typos are allowed again...
    expect(await signInWithPassword({ email: "okay@test.local", password: "typo" }, { ip: "10.0.0.10" })).toBeNull();
    // ...but one address spraying many emails hits its own limit (5 x 4 = 20 per 15 minutes).
    let limited = false;
    for (let i = 0; i < 25 && !limited; i++) {
      try {
        await signInWithPassword({ email: `spray-${i}@test.local`, password: "x" }, { ip: "10.6.6.6" });
      } catch (e) {
        limited = e instanceof RateLimitedError;
      }
    }
    expect(limited).toBe(true);
  });
});

describe("single sign-on accounts", () => {
  it("creates the user at the first SSO sign-in, links the subject, and reuses it afterwards", async () => {
    const first = await signInWithOidc({ provider: "oidc", sub: "kc-123", email: "New.Person@Corp.test", name: "New Person", emailVerified: true });
    expect(first).toMatchObject({ ok: true, created: true, email: "new.person@corp.test" });
    if (!first.ok) throw new Error("unreachable");
    expect(await loadSessionActor(first.sessionId)).toMatchObject({ email: "new.person@corp.test", isPlatformAdmin: false });
    const again = await signInWithOidc({ provider: "oidc", sub: "kc-123", email: "renamed@corp.test", name: "New Person" });
    expect(again).toMatchObject({ ok: true, created: false, userId: first.userId });
    expect(await getDb().user.count({ where: { email: { in: ["new.person@corp.test", "renamed@corp.test"] } } })).toBe(1);
    const actions = (await getDb().auditLog.findMany({ where: { OR: [{ entityId: first.userId }, { entityType: "AuthAccount" }] } })).map((a) => a.action);
    expect(actions.sort()).toEqual(["user.create", "user.link-account"]);
  });

  it("links an existing password user by email, and refuses unverified emails and disabled users", async () => {
    const existing = await createUser({ email: "pat@corp.test" });
    const r = await signInWithOidc({ provider: "oidc", sub: "okta-9", email: "pat@corp.test" });
    expect(r).toMatchObject({ ok: true, userId: existing.id, created: false });
    expect(await signInWithOidc({ provider: "oidc", sub: "okta-10", email: "mallory@corp.test", emailVerified: false })).toEqual({ ok: false, reason: "email_unverified" });
    expect(await getDb().user.count({ where: { email: "mallory@corp.test" } })).toBe(0);
    await getDb().user.update({ where: { id: existing.id }, data: { disabledAt: new Date() } });
    expect(await signInWithOidc({ provider: "oidc", sub: "okta-9", email: "pat@corp.test" })).toEqual({ ok: false, reason: "disabled" });
    expect(await signInWithOidc({ provider: "oidc", sub: "", email: "not-an-email" })).toEqual({ ok: false, reason: "invalid_profile" });
  });

  it("promotes TESSERA_ADMIN_EMAILS at sign-in (SSO or password), audited as the configuration", async () => {
    const r = await signInWithOidc({ provider: "oidc", sub: "boss", email: "boss@corp.test" });
    if (!r.ok) throw new Error("sign-in failed");
    expect((await loadSessionActor(r.sessionId))?.isPlatformAdmin).toBe(true);
    await createUser({ email: "chief@corp.test", passwordHash: await hashPassword("chief-pw-1") });
    const p = await signInWithPassword({ email: "chief@corp.test", password: "chief-pw-1" });
    expect((await loadSessionActor(p!.sessionId))?.isPlatformAdmin).toBe(true);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { entityId: p!.userId, action: "user.grant-admin" } });
    expect(audit.actorLabel).toBe("config TESSERA_ADMIN_EMAILS");
    const normal = await signInWithOidc({ provider: "oidc", sub: "pleb", email: "pleb@corp.test" });
    if (!normal.ok) throw new Error("sign-in failed");
    expect((await loadSessionActor(normal.sessionId))?.isPlatformAdmin).toBe(false);
  });
});

describe("admin grant", () => {
  it("grants admin from the CLI's system actor, optionally creating the user; refuses non-admins", async () => {
    const u = await createUser({ email: "future-admin@test.local" });
    expect(await grantAdmin({ ctx: system, input: { email: "future-admin@test.local" } })).toMatchObject({ changed: true, created: false });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: u.id } })).isPlatformAdmin).toBe(true);
    expect(await grantAdmin({ ctx: system, input: { email: "future-admin@test.local" } })).toMatchObject({ changed: false });
    await expect(grantAdmin({ ctx: system, input: { email: "ghost@test.local" } })).rejects.toBeInstanceOf(NotFoundError);
    expect(await grantAdmin({ ctx: system, input: { email: "ghost@test.local", createIfMissing: true } })).toMatchObject({ created: true });
    await expect(grantAdmin({ ctx: await userCtx(await createUser()), input: { email: "x@test.local", createIfMissing: true } })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("password accounts without single sign-on", () => {
  it("creates a user with a password that signs in, optionally as admin; the audit row holds no hash", async () => {
    const r = await setPassword({ ctx: system, input: { email: "First.Admin@Corp.test", password: "a long enough secret", createIfMissing: true, admin: true, name: "First Admin" } });
    expect(r).toMatchObject({ created: true, admin: true, email: "first.admin@corp.test" });
    expect(await signInWithPassword({ email: "first.admin@corp.test", password: "a long enough secret" })).not.toBeNull();
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { entityId: r.userId, action: "user.create" } });
    expect(JSON.stringify([audit.before, audit.after])).not.toMatch(/argon2|passwordHash/);
    expect(audit.after).toMatchObject({ isPlatformAdmin: true });
  });

  it("resets a password: the old one stops working and every session ends", async () => {
    await createUser({ email: "reset@test.local", passwordHash: await hashPassword("the old password") });
    expect(await signInWithPassword({ email: "reset@test.local", password: "the old password" })).not.toBeNull();
    const r = await setPassword({ ctx: system, input: { email: "reset@test.local", password: "the new password" } });
    expect(r).toMatchObject({ created: false, sessionsEnded: 1, admin: false });
    expect(await getDb().userSession.count({ where: { user: { email: "reset@test.local" } } })).toBe(0);
    expect(await signInWithPassword({ email: "reset@test.local", password: "the old password" })).toBeNull();
    expect(await signInWithPassword({ email: "reset@test.local", password: "the new password" })).not.toBeNull();
  });

  it("refuses short passwords, unknown users without --create, and non-admins, changing nothing", async () => {
    await expect(setPassword({ ctx: system, input: { email: "short@test.local", password: "too short", createIfMissing: true } })).rejects.toBeInstanceOf(ValidationError);
    await expect(setPassword({ ctx: system, input: { email: "nobody@test.local", password: "long enough password" } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setPassword({ ctx: await userCtx(await createUser()), input: { email: "x@test.local", password: "long enough password", createIfMissing: true } })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getDb().user.count({ where: { email: { in: ["short@test.local", "nobody@test.local", "x@test.local"] } } })).toBe(0);
  });
});
