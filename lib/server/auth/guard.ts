import "server-only";
import { ForbiddenError, UnauthenticatedError } from "../errors";
import type { Ctx } from "./context";
import { PERMISSIONS, type Permission, type PermissionRule } from "./permissions";

/** The team a team-scoped permission is checked against. */
export interface GuardTarget {
  teamId: string;
}

/** True when the actor holds the permission on the target. Fails closed. */
export function can(ctx: Ctx, permission: Permission, target?: GuardTarget): boolean {
  const rule: PermissionRule = PERMISSIONS[permission];
  const a = ctx.actor;
  if (a.kind === "anonymous") return false;
  if (a.kind === "system") return true;
  if (a.kind === "user" && a.isPlatformAdmin) return true;
  switch (rule.scope) {
    case "platform":
      return false;
    case "authenticated":
      return a.kind === "user";
    case "authenticated-token":
      return a.kind === "token" && a.scopes.includes(rule.token);
    case "team": {
      if (!target?.teamId) return false;
      if (a.kind === "token") return !!rule.token && a.teamId === target.teamId && a.scopes.includes(rule.token);
      const m = a.memberships.find((x) => x.teamId === target.teamId);
      return !!m && rule.roles.includes(m.role);
    }
  }
}

/** Authorize first: throws ForbiddenError (or UnauthenticatedError) unless `can`. */
export function requirePermission(ctx: Ctx, permission: Permission, target?: GuardTarget): void {
  if (!ctx.actor || ctx.actor.kind === "anonymous") throw new UnauthenticatedError();
  if (!can(ctx, permission, target)) {
    throw new ForbiddenError(`You do not have permission "${permission}" here.`);
  }
}

/** Team ids the actor can act for with the permission (for scoped loads); "all" for admins. */
export function teamsWith(ctx: Ctx, permission: Permission): string[] | "all" {
  const a = ctx.actor;
  if (a.kind === "anonymous") return [];
  if (a.kind === "system" || (a.kind === "user" && a.isPlatformAdmin)) return "all";
  const rule: PermissionRule = PERMISSIONS[permission];
  if (rule.scope !== "team") return [];
  if (a.kind === "token") return rule.token && a.scopes.includes(rule.token) ? [a.teamId] : [];
  return a.memberships.filter((m) => rule.roles.includes(m.role)).map((m) => m.teamId);
}
