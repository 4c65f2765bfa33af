import { apiRoute } from "@/lib/server/http/api-route";
import { revokeTokenOp } from "@/lib/server/http/operations/tokens";
import { revokeToken } from "@/lib/server/services/tokens/revoke-token";

export const DELETE = apiRoute(revokeTokenOp, async ({ ctx, params }) => revokeToken({ ctx, input: { team: params.slug, tokenId: params.tokenId } }));
