import { apiRoute } from "@/lib/server/http/api-route";
import { getTeamOp, updateTeamOp } from "@/lib/server/http/operations/teams";
import { getTeam } from "@/lib/server/services/teams/get-team";
import { updateTeam } from "@/lib/server/services/teams/update-team";

export const GET = apiRoute(getTeamOp, async ({ ctx, params }) => getTeam({ ctx, slug: params.slug }));
export const PATCH = apiRoute(updateTeamOp, async ({ ctx, params, body }) => updateTeam({ ctx, input: { ...body, slug: params.slug } }));
