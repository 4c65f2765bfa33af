import { apiRoute } from "@/lib/server/http/api-route";
import { createSubscriptionOp, listSubscriptionsOp } from "@/lib/server/http/operations/subscriptions";
import { listMySubscriptions } from "@/lib/server/services/subscriptions/list-my-subscriptions";
import { createSubscription } from "@/lib/server/services/subscriptions/create-subscription";

export const GET = apiRoute(listSubscriptionsOp, async ({ ctx, query }) => listMySubscriptions(ctx, { teamSlug: query.team }));
export const POST = apiRoute(createSubscriptionOp, async ({ ctx, body }) => createSubscription({ ctx, input: body }));
