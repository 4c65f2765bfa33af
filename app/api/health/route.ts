import { checkHealth } from "@/lib/server/services/system/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const h = await checkHealth();
  return Response.json(h, { status: h.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
