import { apiRoute } from "@/lib/server/http/api-route";
import { changeRoleOp, removeMemberOp } from "@/lib/server/http/operations/teams";
import { changeRole } from "@/lib/server/services/teams/change-role";
import { removeMember } from "@/lib/server/services/teams/remove-member";

export const PATCH = apiRoute(changeRoleOp, async ({ ctx, params, body }) => changeRole({ ctx, input: { ...body, slug: params.slug, userId: params.userId } }));
export const DELETE = apiRoute(removeMemberOp, async ({ ctx, params }) => removeMember({ ctx, input: { slug: params.slug, userId: params.userId } }));
