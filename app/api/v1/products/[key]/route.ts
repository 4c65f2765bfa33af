import { apiRoute } from "@/lib/server/http/api-route";
import { updateProductOp } from "@/lib/server/http/operations/misc";
import { updateProduct } from "@/lib/server/services/products/update-product";

export const PATCH = apiRoute(updateProductOp, async ({ ctx, params, body }) => updateProduct({ ctx, input: { ...body, key: params.key } }));
