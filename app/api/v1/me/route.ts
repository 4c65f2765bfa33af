import { apiRoute } from "@/lib/server/http/api-route";
import { meOp } from "@/lib/server/http/operations/misc";
import { describeActor } from "@/lib/server/services/users/describe-actor";

export const GET = apiRoute(meOp, async ({ ctx }) => describeActor(ctx));
