import { apiRoute } from "@/lib/server/http/api-route";
import { waiveViolationOp } from "@/lib/server/http/operations/lineage";
import { waiveViolation } from "@/lib/server/services/lineage/waive-violation";

export const POST = apiRoute(waiveViolationOp, ({ ctx, params, body }) => waiveViolation({ ctx, input: { dependencyId: params.id, reason: body.reason } }));
