import { apiRoute } from "@/lib/server/http/api-route";
import { ingestLineageBatchOp } from "@/lib/server/http/operations/lineage";
import { ingestLineageBatch } from "@/lib/server/services/lineage/ingest-lineage-batch";

export const POST = apiRoute(ingestLineageBatchOp, ({ ctx, body }) => ingestLineageBatch({ ctx, input: body }));
