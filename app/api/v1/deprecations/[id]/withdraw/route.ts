import { apiRoute } from "@/lib/server/http/api-route";
import { withdrawDeprecationOp } from "@/lib/server/http/operations/deprecations";
import { withdrawNotice } from "@/lib/server/services/deprecations/withdraw-notice";
import { withClock } from "@/lib/server/clock";

export const POST = apiRoute(withdrawDeprecationOp, async ({ ctx, params, body }) => withdrawNotice({ ctx: await withClock(ctx), input: { ...body, id: params.id } }));
