import "server-only";
import { buildOpenApiDocument } from "./openapi";
import { ALL_OPERATIONS } from "./operations";
import { env } from "../env";

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The document served at /api/v1/openapi.json and rendered on /api-docs. */
export function openApiDocument() {
  return (cached ??= buildOpenApiDocument(ALL_OPERATIONS, { version: "1", serverUrl: env().NEXTAUTH_URL }));
}
