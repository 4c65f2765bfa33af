import { apiRoute } from "@/lib/server/http/api-route";
import { suggestOp } from "@/lib/server/http/operations/search";
import { suggest } from "@/lib/server/services/search/suggest";

export const GET = apiRoute(suggestOp, async ({ ctx, query }) => suggest({ ctx, q: query.q }));
