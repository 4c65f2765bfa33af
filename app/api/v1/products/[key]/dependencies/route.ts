import { apiRoute } from "@/lib/server/http/api-route";
import { declareDependencyOp, listDependenciesOp } from "@/lib/server/http/operations/slo";
import { declareDependency } from "@/lib/server/services/topology/declare-dependency";
import { getTopology } from "@/lib/server/services/topology/get-topology";

export const GET = apiRoute(listDependenciesOp, async ({ ctx, params }) => {
  const t = await getTopology(ctx, params.key);
  return { upstream: t.upstream, downstream: t.downstream, feasibility: t.feasibility };
});

export const POST = apiRoute(declareDependencyOp, ({ ctx, params, body }) => declareDependency({ ctx, input: { ...body, product: params.key } }));
