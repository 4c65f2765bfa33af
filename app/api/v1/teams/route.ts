import { apiRoute } from "@/lib/server/http/api-route";
import { createTeamOp, listTeamsOp } from "@/lib/server/http/operations/teams";
import { listTeams } from "@/lib/server/services/teams/list-teams";
import { createTeam } from "@/lib/server/services/teams/create-team";

export const GET = apiRoute(listTeamsOp, async ({ ctx }) => listTeams(ctx));
export const POST = apiRoute(createTeamOp, async ({ ctx, body }) => createTeam({ ctx, input: body }));
