import { describe, it, expect } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { hashPassword } from "@/lib/server/auth/password";
import { signInWithPassword } from "@/lib/server/services/auth/sign-in-with-password";
import { loadSession, loadSessionActor } from "@/lib/server/services/auth/load-session-actor";
import { revokeSession } from "@/lib/server/services/auth/revoke-session";
import { createTeam, createUser } from "./factories";
import { encode } from "next-auth/jwt";
import { authSecret } from "@/lib/server/env";
import { cookieGetter, sessionCookieName, sessionIdFromToken, sessionToken } from "@/lib/server/auth/session-cookie";

describe("server-side sessions", () => {
  it("signs in with the right password only, and loads memberships", async () => {
    const user = await createUser({ email: "ana@test.local", passwordHash: await hashPassword("correct horse") });
    const team = await createTeam({ owner: user });
    expect(await signInWithPassword({ email: "ana@test.local", password: "wrong" })).toBeNull();
    expect(await signInWithPassword({ email: "nobody@test.local", password: "correct horse" })).toBeNull();
    const ok = await signInWithPassword({ email: " ANA@test.local ", password: "correct horse" });
    expect(ok?.userId).toBe(user.id);
    const actor = await loadSessionActor(ok!.sessionId);
    expect(actor?.memberships).toEqual([{ teamId: team.id, teamSlug: team.slug, teamName: team.name, role: "OWNER" }]);
  });

  it("ends the session on sign-out and when the user is disabled", async () => {
    const user = await createUser({ email: "bo@test.local", passwordHash: await hashPassword("pw-123456") });
    const a = await signInWithPassword({ email: "bo@test.local", password: "pw-123456" });
    const b = await signInWithPassword({ email: "bo@test.local", password: "pw-123456" });
    await revokeSession(a!.sessionId);
    expect(await loadSessionActor(a!.sessionId)).toBeNull();
    expect(await loadSessionActor(b!.sessionId)).not.toBeNull();
    await getDb().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await loadSessionActor(b!.sessionId)).toBeNull();
    expect(await signInWithPassword({ email: "bo@test.local", password: "pw-123456" })).toBeNull();
  });

  it("treats an expired session as signed out", async () => {
    const user = await createUser();
    const s = await getDb().userSession.create({ data: { userId: user.id, expiresAt: new Date(Date.now() - 1000) } });
    expect(await loadSessionActor(s.id)).toBeNull();
  });

  it("loads the user, every team in name order and the unread count in one statement", async () => {
    const user = await createUser();
    const other = await createUser();
    const b = await createTeam({ slug: `b-${user.id.slice(-6)}`, members: [user] });
    const a = await createTeam({ slug: `a-${user.id.slice(-6)}`, owner: user });
    const s = await getDb().userSession.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 60_000) } });
    const note = (userId: string, i: number, readAt: Date | null) =>
      getDb().notification.create({ data: { userId, kind: "TEST", title: `n${i}`, body: "", dedupeKey: `k${i}`, readAt } });
    await Promise.all([note(user.id, 1, null), note(user.id, 2, null), note(user.id, 3, new Date()), note(other.id, 4, null)]);
    const r = await loadSession(s.id, { unread: true });
    expect(r?.actor.memberships.map((m) => [m.teamId, m.role])).toEqual([[a.id, "OWNER"], [b.id, "MEMBER"]]);
    expect(r?.unreadCount).toBe(2);
    expect((await loadSession(s.id))?.unreadCount).toBe(0); // not counted unless asked for
    const none = await loadSession((await getDb().userSession.create({ data: { userId: other.id, expiresAt: new Date(Date.now() + 60_000) } })).id, { unread: true });
    expect(none?.actor.memberships).toEqual([]);
    expect(none?.unreadCount).toBe(1);
  });
});

describe("the session cookie", () => {
  it("yields the sid of a cookie next-auth wrote, and nothing for a forged, foreign or expired one", async () => {
    const token = await encode({ token: { sid: "sess-1", sub: "u1" }, secret: authSecret() });
    expect(await sessionIdFromToken(token)).toBe("sess-1");
    expect(await sessionIdFromToken(token)).toBe("sess-1"); // remembered
    const forged = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await sessionIdFromToken(forged)).toBeNull();
    expect(await sessionIdFromToken(await encode({ token: { sid: "sess-2" }, secret: "another secret" }))).toBeNull();
    expect(await sessionIdFromToken(await encode({ token: { sid: "sess-3" }, secret: authSecret(), maxAge: -60 }))).toBeNull();
    const soon = await encode({ token: { sid: "sess-4" }, secret: authSecret(), maxAge: 1 });
    expect(await sessionIdFromToken(soon)).toBe("sess-4");
    expect(await sessionIdFromToken(soon, Date.now() + 120_000)).toBeNull(); // not remembered past its expiry
    expect(await sessionIdFromToken(null)).toBeNull();
  });

  it("reads the cookie whole or in chunks from a Cookie header", () => {
    const name = sessionCookieName();
    expect(sessionToken(cookieGetter(`a=1; ${name}=abc.def; b=2`))).toBe("abc.def");
    expect(sessionToken(cookieGetter(`${name}.1=def; ${name}.0=abc.`))).toBe("abc.def");
    expect(sessionToken(cookieGetter("other=1"))).toBeNull();
    expect(sessionToken(cookieGetter(null))).toBeNull();
  });
});
