import { describe, it, expect } from "vitest";
import { can, requirePermission, teamsWith } from "./guard";
import { makeCtx, type Actor } from "./context";
import { ALL_PERMISSIONS, PERMISSIONS, type Permission } from "./permissions";
import { ForbiddenError } from "../errors";

const user = (role: "OWNER" | "MEMBER" | null, admin = false): Actor => ({
  kind: "user",
  userId: "u1",
  email: "u@x",
  name: "U",
  isPlatformAdmin: admin,
  memberships: role ? [{ teamId: "T", teamSlug: "t", teamName: "T", role }] : [],
});
const target = { teamId: "T" };
const other = { teamId: "OTHER" };

describe("guard", () => {
  it.each(ALL_PERMISSIONS)("%s: follows the map for owners, members, outsiders, admins and tokens", (perm: Permission) => {
    const rule = PERMISSIONS[perm] as { scope: string; roles?: readonly string[]; token?: string };
    const owner = makeCtx(user("OWNER"));
    const member = makeCtx(user("MEMBER"));
    const outsider = makeCtx(user(null));
    const admin = makeCtx(user(null, true));
    expect(can(admin, perm, target)).toBe(true);
    if (rule.scope === "team") {
      expect(can(owner, perm, target)).toBe(rule.roles!.includes("OWNER"));
      expect(can(member, perm, target)).toBe(rule.roles!.includes("MEMBER"));
      expect(can(owner, perm, other)).toBe(false);
      expect(can(owner, perm)).toBe(false);
      expect(can(outsider, perm, target)).toBe(false);
      if (rule.token) {
        expect(can(makeCtx({ kind: "token", tokenId: "k", teamId: "T", scopes: [rule.token as "READ"], label: "k" }), perm, target)).toBe(true);
        expect(can(makeCtx({ kind: "token", tokenId: "k", teamId: "OTHER", scopes: [rule.token as "READ"], label: "k" }), perm, target)).toBe(false);
      }
      expect(can(makeCtx({ kind: "token", tokenId: "k", teamId: "T", scopes: [], label: "k" }), perm, target)).toBe(false);
    }
    if (rule.scope === "platform") {
      expect(can(owner, perm, target)).toBe(false);
      expect(() => requirePermission(owner, perm, target)).toThrow(ForbiddenError);
    }
  });

  it("lists the teams an actor can act for", () => {
    expect(teamsWith(makeCtx(user("MEMBER")), "product.update")).toEqual(["T"]);
    expect(teamsWith(makeCtx(user("MEMBER")), "token.manage")).toEqual([]);
    expect(teamsWith(makeCtx(user(null, true)), "token.manage")).toBe("all");
  });
});
