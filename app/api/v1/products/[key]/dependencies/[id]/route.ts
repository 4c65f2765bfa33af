import { apiRoute } from "@/lib/server/http/api-route";
import { removeDependencyOp } from "@/lib/server/http/operations/slo";
import { removeDependency } from "@/lib/server/services/topology/remove-dependency";

export const DELETE = apiRoute(removeDependencyOp, async ({ ctx, params }) => {
  await removeDependency({ ctx, input: { product: params.key, dependencyId: params.id } });
});
