import { apiRoute } from "@/lib/server/http/api-route";
import { getImpactOp } from "@/lib/server/http/operations/slo";
import { getImpact } from "@/lib/server/services/topology/get-impact";

export const GET = apiRoute(getImpactOp, ({ ctx, params, query }) => getImpact(ctx, params.key, query));
