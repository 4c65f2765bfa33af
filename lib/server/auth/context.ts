import "server-only";
import { randomUUID } from "node:crypto";
import type { TeamRole, TokenScope } from "./permissions";

export type Actor =
  | {
      kind: "user";
      userId: string;
      email: string;
      name: string;
      isPlatformAdmin: boolean;
      memberships: { teamId: string; teamSlug: string; teamName: string; role: TeamRole }[];
    }
  | { kind: "token"; tokenId: string; teamId: string; scopes: TokenScope[]; label: string }
  | { kind: "system"; label: string }
  | { kind: "anonymous" };

/** Who is acting, for which request, at what time (time is injectable for tests and jobs). */
export interface Ctx {
  actor: Actor;
  requestId: string;
  now: Date;
}

export function makeCtx(actor: Actor, opts: { requestId?: string; now?: Date } = {}): Ctx {
  return { actor, requestId: opts.requestId ?? randomUUID(), now: opts.now ?? new Date() };
}

export function actorLabel(actor: Actor): string {
  if (actor.kind === "user") return actor.email;
  if (actor.kind === "anonymous") return "anonymous";
  return actor.label;
}
