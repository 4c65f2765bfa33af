import "server-only";
import { z } from "zod";
import type { Permission } from "../auth/permissions";
import type { TScopeName } from "../services/tokens/schemas";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** One /api/v1 operation: the route handler and the OpenAPI document use the same zod schemas. */
export interface ApiOperation {
  method: HttpMethod;
  /** OpenAPI path, e.g. /api/v1/teams/{slug}: the folder app/api/v1/teams/[slug]. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  /** "public": no credentials; otherwise the permission checked, and the token scopes that carry it. */
  auth: "public" | { permission: Permission | "authenticated"; scopes?: TScopeName[]; sessionOnly?: boolean };
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response?: z.ZodType;
  /** 200 by default; 201 for creations; 204 for no body. */
  status?: 200 | 201 | 204;
  /** Error statuses besides 400/401/429/500, e.g. [403, 404, 409]. */
  errors?: number[];
  bodyLimit?: number;
}

export const defineOperation = <T extends ApiOperation>(op: T): T => op;

export const ZErrorBody = z
  .object({
    error: z.object({
      code: z.enum(["validation_failed", "unauthenticated", "forbidden", "not_found", "conflict", "payload_too_large", "unsupported_media_type", "rule_violation", "rate_limited", "unavailable", "internal"]),
      message: z.string().meta({ description: "A sentence for a person; never a stack trace or a database message." }),
      details: z.unknown().optional().meta({ description: "Validation issues (path + message), violated rules, or retry information." }),
    }),
  })
  .meta({ id: "Error" });

const STATUS_TEXT: Record<number, string> = {
  400: "Invalid input (validation_failed)",
  401: "No valid API token or session (unauthenticated)",
  403: "The token or user lacks the permission, or a cross-site cookie request (forbidden)",
  404: "Not found",
  409: "Conflict with existing data",
  413: "Body larger than the limit (payload_too_large)",
  415: "Body is not JSON (unsupported_media_type)",
  422: "A rule is violated (rule_violation; details lists every rule)",
  429: "Rate limit reached (rate_limited; see Retry-After)",
  500: "Unexpected error (internal; logged, never detailed)",
};

function schema(s: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any", reused: "inline" }) as Record<string, unknown>;
  return rest;
}

function parameters(obj: z.ZodObject | undefined, where: "path" | "query") {
  if (!obj) return [];
  const json = schema(obj, "input") as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: where, required: where === "path" || (json.required ?? []).includes(name), schema: rest, ...(description ? { description } : {}) };
  });
}

/** The OpenAPI 3.1 document of /api/v1, generated from the operations' zod schemas. */
export function buildOpenApiDocument(ops: readonly ApiOperation[], info: { version: string; serverUrl?: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of ops) {
    const errorStatuses = [...new Set([400, ...(op.auth === "public" ? [] : [401, 429]), ...(op.body ? [413, 415] : []), ...(op.errors ?? []), 500])].sort();
    const responses: Record<string, unknown> = {};
    const ok = op.status ?? 200;
    responses[String(ok)] = ok === 204 || !op.response ? { description: "Done" } : { description: "Success", content: { "application/json": { schema: schema(op.response, "output") } } };
    for (const s of errorStatuses) responses[String(s)] = { description: STATUS_TEXT[s] ?? "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
    const auth = op.auth;
    const who =
      auth === "public"
        ? "No authentication."
        : `Needs \`${auth.permission}\`${auth.scopes?.length ? `; tokens need the scope ${auth.scopes.map((s) => `\`${s}\``).join(" or ")}` : auth.sessionOnly ? "; signed-in users only (no token scope grants it)" : ""}.`;
    (paths[op.path] ??= {})[op.method.toLowerCase()] = {
      operationId: op.operationId,
      tags: [op.tag],
      summary: op.summary,
      description: [op.description, who].filter(Boolean).join("\n\n"),
      parameters: [...parameters(op.params, "path"), ...parameters(op.query, "query")],
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: schema(op.body, "input") } } } } : {}),
      responses,
      security: auth === "public" ? [] : auth.sessionOnly ? [{ session: [] }] : [{ bearer: [] }, { session: [] }],
      ...(auth !== "public" ? { "x-permission": auth.permission, ...(auth.scopes ? { "x-token-scopes": auth.scopes } : {}) } : {}),
    };
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Tessera API",
      version: info.version,
      description:
        "The HTTP API of Tessera, the data product catalog. JSON in and out. Authenticate machines with a team API token (`Authorization: Bearer tsr_...`); " +
        "errors are `{ \"error\": { \"code\", \"message\", \"details\" } }` with the HTTP status of their kind.",
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    paths,
    components: {
      schemas: { Error: schema(ZErrorBody, "output") },
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A team API token, created on the team page or with `npm run tessera -- token create`." },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The browser session; state-changing calls must be same-origin (CSRF)." },
      },
    },
  };
}
