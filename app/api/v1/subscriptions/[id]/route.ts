import { apiRoute } from "@/lib/server/http/api-route";
import { updateSubscriptionOp, withdrawSubscriptionOp } from "@/lib/server/http/operations/subscriptions";
import { updateSubscription } from "@/lib/server/services/subscriptions/update-subscription";
import { withdrawSubscription } from "@/lib/server/services/subscriptions/withdraw-subscription";

export const PATCH = apiRoute(updateSubscriptionOp, async ({ ctx, params, body }) => updateSubscription({ ctx, input: { ...body, id: params.id } }));
export const DELETE = apiRoute(withdrawSubscriptionOp, async ({ ctx, params }) => withdrawSubscription({ ctx, input: { id: params.id } }));
