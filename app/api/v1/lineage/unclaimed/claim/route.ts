import { apiRoute } from "@/lib/server/http/api-route";
import { claimDatasetOp } from "@/lib/server/http/operations/lineage";
import { claimDataset } from "@/lib/server/services/lineage/claim-dataset";

export const POST = apiRoute(claimDatasetOp, ({ ctx, body }) => claimDataset({ ctx, input: body }));
