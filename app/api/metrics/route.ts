import { apiHandler } from "@/lib/server/http/api-handler";
import { renderMetrics } from "@/lib/server/services/metrics/render-metrics";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint (text format 0.0.4); token-protected (read scope). */
export const GET = apiHandler(async ({ ctx }) => new Response(await renderMetrics(ctx), { headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8" } }));
