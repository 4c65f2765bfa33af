import "server-only";
import type { z } from "zod";
import { apiHandler, type ApiRequest } from "./api-handler";
import type { ApiOperation } from "./openapi";
import { ValidationError } from "../errors";
import type { Ctx } from "../auth/context";

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteInput<Op extends ApiOperation> {
  ctx: Ctx;
  params: Out<Op["params"]>;
  query: Out<Op["query"]>;
  body: Out<Op["body"]>;
  req: ApiRequest;
}

function parseWith<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ValidationError(`The ${what} is not valid.`, r.error.issues.map((i) => ({ path: i.path, message: i.message, code: i.code })));
  return r.data;
}

/**
 * A /api/v1 route handler for a documented operation: path, query and body are parsed with the
 * operation's zod schemas (400 with every issue) before the handler runs; the same schemas
 * produce /api/v1/openapi.json.
 */
export function apiRoute<Op extends ApiOperation>(op: Op, handler: (r: RouteInput<Op>) => Promise<unknown>) {
  return apiHandler(
    async (r) => {
      const params = op.params ? parseWith(op.params, r.params, "path") : undefined;
      const query = op.query ? parseWith(op.query, Object.fromEntries(r.url.searchParams), "query string") : undefined;
      let body: unknown;
      if (op.body) {
        const raw = await r.json();
        body = parseWith(op.body, raw ?? {}, "body");
      }
      return handler({ ctx: r.ctx, params, query, body, req: r } as RouteInput<Op>);
    },
    { public: op.auth === "public", bodyLimit: op.bodyLimit, successStatus: op.status },
  );
}
