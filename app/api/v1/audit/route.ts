import { apiRoute } from "@/lib/server/http/api-route";
import { listAuditOp } from "@/lib/server/http/operations/misc";
import { listAudit } from "@/lib/server/services/audit/list-audit";

export const GET = apiRoute(listAuditOp, async ({ ctx, query }) => listAudit({ ctx, input: query }));
