import { apiRoute } from "@/lib/server/http/api-route";
import { updateSloOp } from "@/lib/server/http/operations/slo";
import { updateSlo } from "@/lib/server/services/slo/update-slo";

export const PATCH = apiRoute(updateSloOp, ({ ctx, params, body }) => updateSlo({ ctx, input: { ...body, product: params.key, objective: params.objective } }));
