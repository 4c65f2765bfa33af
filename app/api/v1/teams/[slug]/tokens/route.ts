import { apiRoute } from "@/lib/server/http/api-route";
import { createTokenOp, listTokensOp } from "@/lib/server/http/operations/tokens";
import { listTokens } from "@/lib/server/services/tokens/list-tokens";
import { createToken } from "@/lib/server/services/tokens/create-token";

export const GET = apiRoute(listTokensOp, async ({ ctx, params }) => listTokens({ ctx, team: params.slug }));
export const POST = apiRoute(createTokenOp, async ({ ctx, params, body }) => createToken({ ctx, input: { ...body, team: params.slug } }));
