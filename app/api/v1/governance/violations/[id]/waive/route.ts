import { apiRoute } from "@/lib/server/http/api-route";
import { reopenViolationOp, waiveViolationOp } from "@/lib/server/http/operations/lineage";
import { reopenViolation } from "@/lib/server/services/lineage/reopen-violation";
import { waiveViolation } from "@/lib/server/services/lineage/waive-violation";

export const POST = apiRoute(waiveViolationOp, ({ ctx, params, body }) => waiveViolation({ ctx, input: { dependencyId: params.id, reason: body.reason } }));
export const DELETE = apiRoute(reopenViolationOp, ({ ctx, params, body }) => reopenViolation({ ctx, input: { dependencyId: params.id, reason: body?.reason } }));
