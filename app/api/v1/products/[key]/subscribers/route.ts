import { apiRoute } from "@/lib/server/http/api-route";
import { listSubscribersOp } from "@/lib/server/http/operations/subscriptions";
import { listSubscribers } from "@/lib/server/services/subscriptions/list-subscribers";
import { toCsv } from "@/lib/domain/csv";

export const GET = apiRoute(listSubscribersOp, async ({ ctx, params, query }) => {
  const { canDecide: _internal, ...data } = await listSubscribers(ctx, params.key);
  if (query.format !== "csv") return data;
  const csv = toCsv(
    ["team", "consuming_product", "pin", "resolved_version", "status", "purpose", "since"],
    data.subscribers.map((s) => [s.consumerTeam.slug, s.consumingProduct?.key ?? "", s.pinRange, s.resolvedVersion?.version ?? "", s.status, s.purpose, s.createdAt]),
  );
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${params.key}-subscribers.csv"` },
  });
});
