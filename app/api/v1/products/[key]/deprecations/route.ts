import { apiRoute } from "@/lib/server/http/api-route";
import { listProductDeprecationsOp, publishDeprecationOp } from "@/lib/server/http/operations/deprecations";
import { publishNotice } from "@/lib/server/services/deprecations/publish-notice";
import { getProductDeprecations } from "@/lib/server/services/deprecations/get-product-deprecations";
import { withClock } from "@/lib/server/clock";

export const GET = apiRoute(listProductDeprecationsOp, async ({ ctx, params }) => (await getProductDeprecations(ctx, params.key)).notices);
export const POST = apiRoute(publishDeprecationOp, async ({ ctx, params, body }) => publishNotice({ ctx: await withClock(ctx), input: { ...body, productKey: params.key } }));
