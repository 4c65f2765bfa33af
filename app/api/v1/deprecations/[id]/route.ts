import { apiRoute } from "@/lib/server/http/api-route";
import { updateDeprecationOp } from "@/lib/server/http/operations/deprecations";
import { updateNotice } from "@/lib/server/services/deprecations/update-notice";
import { withClock } from "@/lib/server/clock";

export const PATCH = apiRoute(updateDeprecationOp, async ({ ctx, params, body }) => updateNotice({ ctx: await withClock(ctx), input: { ...body, id: params.id } }));
