import { apiRoute } from "@/lib/server/http/api-route";
import { addMemberOp } from "@/lib/server/http/operations/teams";
import { addMember } from "@/lib/server/services/teams/add-member";

export const POST = apiRoute(addMemberOp, async ({ ctx, params, body }) => addMember({ ctx, input: { ...body, slug: params.slug } }));
