import { describe, it, expect } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { hashPassword } from "@/lib/server/auth/password";
import { signInWithPassword } from "@/lib/server/services/auth/sign-in-with-password";
import { loadSessionActor } from "@/lib/server/services/auth/load-session-actor";
import { revokeSession } from "@/lib/server/services/auth/revoke-session";
import { createTeam, createUser } from "./factories";

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
});
