"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionCtx } from "@/lib/server/auth/session";
import { formInput, runAction, type ActionResult } from "@/lib/server/http/action";
import { createTeam } from "@/lib/server/services/teams/create-team";
import { updateTeam } from "@/lib/server/services/teams/update-team";
import { addMember } from "@/lib/server/services/teams/add-member";
import { removeMember } from "@/lib/server/services/teams/remove-member";
import { changeRole } from "@/lib/server/services/teams/change-role";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { revokeToken } from "@/lib/server/services/tokens/revoke-token";

// Thin adapters: the form's fields go to the service, which parses and authorizes them itself.
// The team slug comes from the form like every other field: the service checks the actor may act on it.

const teamPath = (slug: unknown) => `/teams/${encodeURIComponent(String(slug ?? ""))}`;

export async function createTeamAction(_prev: unknown, form: FormData): Promise<ActionResult<{ slug: string }>> {
  const r = await runAction(async () => {
    const team = await createTeam({ ctx: await actionCtx(), input: formInput(form) });
    return { slug: team.slug };
  });
  if (r.ok) {
    revalidatePath("/teams");
    redirect(`/teams/${r.data.slug}`);
  }
  return r;
}

export async function updateTeamAction(_prev: unknown, form: FormData) {
  const input = formInput(form);
  return runAction(async () => {
    const team = await updateTeam({ ctx: await actionCtx(), input });
    revalidatePath(teamPath(team.slug));
    return { name: team.name, onCallHandle: team.onCallHandle, contactChannel: team.contactChannel };
  });
}

export async function addMemberAction(_prev: unknown, form: FormData) {
  const input = formInput(form);
  return runAction(async () => {
    const m = await addMember({ ctx: await actionCtx(), input });
    revalidatePath(teamPath(input.slug));
    return m;
  });
}

export async function changeRoleAction(_prev: unknown, form: FormData) {
  const input = formInput(form);
  return runAction(async () => {
    const m = await changeRole({ ctx: await actionCtx(), input });
    revalidatePath(teamPath(input.slug));
    return m;
  });
}

export async function removeMemberAction(_prev: unknown, form: FormData) {
  const input = formInput(form);
  return runAction(async () => {
    const m = await removeMember({ ctx: await actionCtx(), input });
    revalidatePath(teamPath(input.slug));
    revalidatePath("/teams");
    return m;
  });
}

export async function createTokenAction(_prev: unknown, form: FormData) {
  const input = formInput(form, ["scopes"]);
  if (input.expiresInDays === "") input.expiresInDays = null;
  return runAction(async () => {
    const t = await createToken({ ctx: await actionCtx(), input });
    revalidatePath(teamPath(input.team));
    return { id: t.id, name: t.name, token: t.token, scopes: t.scopes, expiresAt: t.expiresAt };
  });
}

export async function revokeTokenAction(_prev: unknown, form: FormData) {
  const input = formInput(form);
  return runAction(async () => {
    const t = await revokeToken({ ctx: await actionCtx(), input });
    revalidatePath(teamPath(input.team));
    return { id: t.id, name: t.name };
  });
}
