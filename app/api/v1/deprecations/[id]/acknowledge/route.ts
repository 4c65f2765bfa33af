import { apiRoute } from "@/lib/server/http/api-route";
import { acknowledgeDeprecationOp } from "@/lib/server/http/operations/deprecations";
import { acknowledgeNotice } from "@/lib/server/services/deprecations/acknowledge-notice";
import { withClock } from "@/lib/server/clock";

export const POST = apiRoute(acknowledgeDeprecationOp, async ({ ctx, params, body }) => acknowledgeNotice({ ctx: await withClock(ctx), input: { ...body, id: params.id } }));
