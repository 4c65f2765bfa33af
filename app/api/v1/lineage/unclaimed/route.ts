import { apiRoute } from "@/lib/server/http/api-route";
import { listUnclaimedOp } from "@/lib/server/http/operations/lineage";
import { listUnclaimedDatasets } from "@/lib/server/services/lineage/list-unclaimed-datasets";

export const GET = apiRoute(listUnclaimedOp, ({ ctx, query }) => listUnclaimedDatasets(ctx, query));
