import { describe, it, expect } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { createTeam as createTeamService } from "@/lib/server/services/teams/create-team";
import { updateTeam } from "@/lib/server/services/teams/update-team";
import { addMember } from "@/lib/server/services/teams/add-member";
import { removeMember } from "@/lib/server/services/teams/remove-member";
import { changeRole } from "@/lib/server/services/teams/change-role";
import { getTeam } from "@/lib/server/services/teams/get-team";
import { listTeams } from "@/lib/server/services/teams/list-teams";
import { ConflictError, ForbiddenError, NotFoundError, PolicyViolation, UnauthenticatedError, ValidationError } from "@/lib/server/errors";
import { makeCtx } from "@/lib/server/auth/context";
import { createTeam, createUser, tokenCtx, userCtx } from "./factories";

const audits = (teamId: string) => getDb().auditLog.findMany({ where: { teamId }, orderBy: { id: "asc" } });

describe("teams", () => {
  it("creates a team with its creator as the only owner, audited with the request id", async () => {
    const user = await createUser();
    const ctx = await userCtx(user);
    const team = await createTeamService({ ctx, input: { slug: "Data-Eng", name: " Data Engineering ", onCallHandle: "@de-oncall", contactChannel: "#data-eng" } });
    expect(team).toMatchObject({ slug: "data-eng", name: "Data Engineering", onCallHandle: "@de-oncall", contactChannel: "#data-eng" });
    const members = await getDb().membership.findMany({ where: { teamId: team.id } });
    expect(members).toEqual([expect.objectContaining({ userId: user.id, role: "OWNER" })]);
    const [a] = await audits(team.id);
    expect(a).toMatchObject({ action: "team.create", actorUserId: user.id, requestId: ctx.requestId, entityId: team.id });
  });

  it("refuses a taken slug with a conflict, and invalid input before touching the database", async () => {
    const user = await createUser();
    const ctx = await userCtx(user);
    await createTeamService({ ctx, input: { slug: "taken", name: "A" } });
    await expect(createTeamService({ ctx, input: { slug: "taken", name: "B" } })).rejects.toBeInstanceOf(ConflictError);
    for (const bad of [{ slug: "-x", name: "A" }, { slug: "ok", name: "" }, { slug: "ok2", name: "A", contactChannel: "javascript:alert(1)" }, { slug: "ok3", name: "A", onCallHandle: "<script>" }]) {
      await expect(createTeamService({ ctx, input: bad })).rejects.toBeInstanceOf(ValidationError);
    }
    expect(await getDb().team.count({ where: { slug: { in: ["ok", "ok2", "ok3"] } } })).toBe(0);
  });

  it("refuses team creation to tokens and anonymous callers", async () => {
    const owner = await createUser();
    const team = await createTeam({ owner });
    await expect(createTeamService({ ctx: tokenCtx(team.id, ["READ", "CONTRACTS_WRITE"]), input: { slug: "by-token", name: "X" } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createTeamService({ ctx: makeCtx({ kind: "anonymous" }), input: { slug: "by-anon", name: "X" } })).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("lets owners set the on-call handle and contact channel; members and outsiders are refused", async () => {
    const owner = await createUser();
    const member = await createUser();
    const outsider = await createUser();
    const team = await createTeam({ owner, members: [member] });
    const r = await updateTeam({ ctx: await userCtx(owner), input: { slug: team.slug, onCallHandle: "@pager", contactChannel: "https://chat.example.com/c/1" } });
    expect(r).toMatchObject({ onCallHandle: "@pager", contactChannel: "https://chat.example.com/c/1" });
    const [a] = await audits(team.id);
    expect(a.before).toMatchObject({ onCallHandle: null });
    expect(a.after).toMatchObject({ onCallHandle: "@pager" });
    for (const u of [member, outsider]) {
      await expect(updateTeam({ ctx: await userCtx(u), input: { slug: team.slug, onCallHandle: "@evil" } })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await getDb().team.findUniqueOrThrow({ where: { id: team.id } })).onCallHandle).toBe("@pager");
    // Clearing a field: an empty string means "none".
    expect((await updateTeam({ ctx: await userCtx(owner), input: { slug: team.slug, contactChannel: "" } })).contactChannel).toBeNull();
  });

  it("adds members by email, refuses duplicates and unknown emails", async () => {
    const owner = await createUser();
    const newcomer = await createUser({ email: "newcomer@test.local" });
    const team = await createTeam({ owner });
    const ctx = await userCtx(owner);
    expect(await addMember({ ctx, input: { slug: team.slug, email: " NEWCOMER@test.local " } })).toMatchObject({ userId: newcomer.id, role: "MEMBER" });
    await expect(addMember({ ctx, input: { slug: team.slug, email: "newcomer@test.local", role: "OWNER" } })).rejects.toBeInstanceOf(ConflictError);
    await expect(addMember({ ctx, input: { slug: team.slug, email: "nobody@test.local" } })).rejects.toMatchObject({ status: 404 });
    await expect(addMember({ ctx, input: { slug: "no-such-team", email: "newcomer@test.local" } })).rejects.toBeInstanceOf(NotFoundError);
    expect(await getDb().membership.count({ where: { teamId: team.id } })).toBe(2);
    expect((await audits(team.id)).map((a) => a.action)).toEqual(["team.member.add"]);
  });

  it("never leaves a team without an owner: last owner can neither leave, be removed nor be demoted", async () => {
    const owner = await createUser();
    const member = await createUser();
    const team = await createTeam({ owner, members: [member] });
    const ctx = await userCtx(owner);
    await expect(removeMember({ ctx, input: { slug: team.slug, userId: owner.id } })).rejects.toBeInstanceOf(PolicyViolation);
    await expect(changeRole({ ctx, input: { slug: team.slug, userId: owner.id, role: "MEMBER" } })).rejects.toMatchObject({ status: 422, code: "rule_violation" });
    // Promote the member, then the first owner may step down and leave.
    await changeRole({ ctx, input: { slug: team.slug, userId: member.id, role: "OWNER" } });
    await changeRole({ ctx, input: { slug: team.slug, userId: owner.id, role: "MEMBER" } });
    const ownerNow = await userCtx(owner);
    await removeMember({ ctx: ownerNow, input: { slug: team.slug, userId: owner.id } });
    const left = await getDb().membership.findMany({ where: { teamId: team.id } });
    expect(left).toEqual([expect.objectContaining({ userId: member.id, role: "OWNER" })]);
    expect((await audits(team.id)).map((a) => a.action)).toEqual(["team.member.role", "team.member.role", "team.member.leave"]);
  });

  it("keeps an owner when two owners demote each other at the same time", async () => {
    const a = await createUser();
    const b = await createUser();
    const team = await createTeam({ owner: a });
    await getDb().membership.create({ data: { teamId: team.id, userId: b.id, role: "OWNER" } });
    const [ca, cb] = [await userCtx(a), await userCtx(b)];
    const results = await Promise.allSettled([
      changeRole({ ctx: ca, input: { slug: team.slug, userId: b.id, role: "MEMBER" } }),
      changeRole({ ctx: cb, input: { slug: team.slug, userId: a.id, role: "MEMBER" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await getDb().membership.count({ where: { teamId: team.id, role: "OWNER" } })).toBe(1);
  });

  it("lets a member leave but not remove others or change roles", async () => {
    const owner = await createUser();
    const m1 = await createUser();
    const m2 = await createUser();
    const team = await createTeam({ owner, members: [m1, m2] });
    const ctx = await userCtx(m1);
    await expect(removeMember({ ctx, input: { slug: team.slug, userId: m2.id } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeRole({ ctx, input: { slug: team.slug, userId: m1.id, role: "OWNER" } })).rejects.toBeInstanceOf(ForbiddenError);
    await removeMember({ ctx, input: { slug: team.slug, userId: m1.id } });
    expect(await getDb().membership.count({ where: { teamId: team.id } })).toBe(2);
  });

  it("shows members only to those who may read the team; the directory lists everyone's public profile", async () => {
    const owner = await createUser();
    const outsider = await createUser();
    const team = await createTeam({ owner });
    const mine = await getTeam({ ctx: await userCtx(owner), slug: team.slug });
    expect(mine.members?.map((m) => m.userId)).toEqual([owner.id]);
    expect(mine.can).toMatchObject({ update: true, manageMembers: true, manageTokens: true, readAudit: true });
    const theirs = await getTeam({ ctx: await userCtx(outsider), slug: team.slug });
    expect(theirs.members).toBeNull();
    expect(theirs.can).toEqual({ read: false, update: false, manageMembers: false, manageTokens: false, readAudit: false });
    expect((await getTeam({ ctx: tokenCtx(team.id, ["READ"]), slug: team.slug })).members).toHaveLength(1);
    expect((await getTeam({ ctx: tokenCtx(team.id, ["CONTRACTS_WRITE"]), slug: team.slug })).members).toBeNull();
    const dir = await listTeams(await userCtx(outsider));
    expect(dir.find((t) => t.id === team.id)).toMatchObject({ myRole: null, memberCount: 1 });
    await expect(getTeam({ ctx: await userCtx(owner), slug: "../etc" })).rejects.toBeInstanceOf(NotFoundError);
  });
});
