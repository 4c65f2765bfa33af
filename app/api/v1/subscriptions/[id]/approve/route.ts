import { apiRoute } from "@/lib/server/http/api-route";
import { approveSubscriptionOp } from "@/lib/server/http/operations/subscriptions";
import { decideSubscription } from "@/lib/server/services/subscriptions/decide-subscription";

export const POST = apiRoute(approveSubscriptionOp, async ({ ctx, params, body }) => decideSubscription({ ctx, input: { ...body, id: params.id, decision: "approve" } }));
