import { apiRoute } from "@/lib/server/http/api-route";
import { revokeSubscriptionOp } from "@/lib/server/http/operations/subscriptions";
import { revokeSubscription } from "@/lib/server/services/subscriptions/revoke-subscription";

export const POST = apiRoute(revokeSubscriptionOp, async ({ ctx, params, body }) => revokeSubscription({ ctx, input: { ...body, id: params.id } }));
