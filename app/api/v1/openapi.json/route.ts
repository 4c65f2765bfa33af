import { apiRoute } from "@/lib/server/http/api-route";
import { openApiOp } from "@/lib/server/http/operations/misc";
import { openApiDocument } from "@/lib/server/http/openapi-document";

export const GET = apiRoute(openApiOp, async () => openApiDocument());
