import { apiRoute } from "@/lib/server/http/api-route";
import { updateProductOp } from "@/lib/server/http/operations/misc";
import { getProductOp } from "@/lib/server/http/operations/products-read";
import { updateProduct } from "@/lib/server/services/products/update-product";
import { getProductExport } from "@/lib/server/services/catalog/get-product-export";
import { exportOdps } from "@/lib/domain/odps/export";
import { env } from "@/lib/server/env";

export const PATCH = apiRoute(updateProductOp, async ({ ctx, params, body }) => updateProduct({ ctx, input: { ...body, key: params.key } }));

export const GET = apiRoute(getProductOp, async ({ ctx, params, query, req }) => {
  const p = await getProductExport(ctx, params.key);
  if (query.format === "odps") {
    const doc = exportOdps(p, env().NEXTAUTH_URL ?? req.url.origin);
    if (!query.download) return doc;
    return new Response(JSON.stringify(doc, null, 2), { headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="${p.key}.odps.json"` } });
  }
  return { ...p, createdAt: p.createdAt.toISOString() };
});
