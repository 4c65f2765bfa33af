import { apiRoute } from "@/lib/server/http/api-route";
import { rejectSubscriptionOp } from "@/lib/server/http/operations/subscriptions";
import { decideSubscription } from "@/lib/server/services/subscriptions/decide-subscription";

export const POST = apiRoute(rejectSubscriptionOp, async ({ ctx, params, body }) => decideSubscription({ ctx, input: { ...body, id: params.id, decision: "reject" } }));
