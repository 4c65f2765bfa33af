import { apiRoute } from "@/lib/server/http/api-route";
import { searchProductsOp } from "@/lib/server/http/operations/search";
import { searchProducts } from "@/lib/server/services/search/search-products";

// The raw search parameters, not the parsed query object: repeated keys (?tier=GOLD&tier=SILVER) count.
export const GET = apiRoute(searchProductsOp, async ({ ctx, req }) => {
  const { state: _state, ...result } = await searchProducts({ ctx, input: req.url.searchParams });
  return result;
});
