import { apiRoute } from "@/lib/server/http/api-route";
import { ingestMeasurementsOp } from "@/lib/server/http/operations/slo";
import { ingestMeasurements } from "@/lib/server/services/slo/ingest-measurements";

export const POST = apiRoute(ingestMeasurementsOp, ({ ctx, body }) => ingestMeasurements({ ctx, input: body }));
