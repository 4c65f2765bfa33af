import { apiRoute } from "@/lib/server/http/api-route";
import { ingestLineageOp } from "@/lib/server/http/operations/lineage";
import { ingestLineageEvent } from "@/lib/server/services/lineage/ingest-lineage-event";

export const POST = apiRoute(ingestLineageOp, ({ ctx, body }) => ingestLineageEvent({ ctx, input: body }));
