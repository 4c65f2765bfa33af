import "server-only";
import { randomUUID } from "node:crypto";
import { getServerSession } from "next-auth";
import { authOptions } from "../auth/options";
import { loadSessionActor } from "../services/auth/load-session-actor";
import { authenticateToken } from "../services/tokens/authenticate-token";
import { makeCtx, type Ctx } from "../auth/context";
import { AppError, UnauthenticatedError, ValidationError, toAppError } from "../errors";

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface ApiRequest {
  req: Request;
  ctx: Ctx;
  params: Record<string, string>;
  url: URL;
  /** The request body parsed as JSON, within the size limit. */
  json: () => Promise<unknown>;
  /** The raw body text, within the size limit. */
  text: () => Promise<string>;
}

type Handler = (r: ApiRequest) => Promise<Response | unknown>;

/** The one error body of /api/v1: { error: { code, message, details } } with its HTTP status. */
export function errorResponse(e: unknown, requestId: string): Response {
  const err = toAppError(e);
  return Response.json(
    { error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) } },
    { status: err.status, headers: { "x-request-id": requestId } },
  );
}

async function readBody(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) throw new AppError("payload_too_large", 413, `The body is larger than ${limit} bytes.`);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError("payload_too_large", 413, `The body is larger than ${limit} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function resolveCtx(req: Request, requestId: string): Promise<Ctx | null> {
  const auth = req.headers.get("authorization");
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const actor = m ? await authenticateToken(m[1]) : null;
    if (!actor) throw new UnauthenticatedError("The API token is missing, malformed, revoked or expired.");
    return makeCtx(actor, { requestId });
  }
  const session = (await getServerSession(authOptions())) as { sid?: string } | null;
  const user = session?.sid ? await loadSessionActor(session.sid) : null;
  return user ? makeCtx(user, { requestId }) : null;
}

/**
 * Wraps a /api/v1 route handler: authenticates (bearer token or session cookie), enforces the body
 * limit, maps every error to the standard body, and serialises plain results as JSON.
 */
export function apiHandler(handler: Handler, opts: { bodyLimit?: number; public?: boolean } = {}) {
  return async (req: Request, routeCtx?: { params?: Promise<Record<string, string>> }): Promise<Response> => {
    const requestId = req.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    try {
      const ctx = await resolveCtx(req, requestId);
      if (!ctx && !opts.public) throw new UnauthenticatedError("Send an API token as `Authorization: Bearer <token>` or sign in.");
      const limit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;
      let bodyText: Promise<string> | undefined;
      const text = () => (bodyText ??= readBody(req, limit));
      const result = await handler({
        req,
        ctx: ctx ?? makeCtx({ kind: "anonymous" }, { requestId }),
        params: (await routeCtx?.params) ?? {},
        url: new URL(req.url),
        text,
        json: async () => {
          const t = await text();
          try {
            return t ? JSON.parse(t) : undefined;
          } catch {
            throw new ValidationError("The body is not valid JSON.");
          }
        },
      });
      if (result instanceof Response) {
        result.headers.set("x-request-id", requestId);
        return result;
      }
      return Response.json(result, { headers: { "x-request-id": requestId } });
    } catch (e) {
      return errorResponse(e, requestId);
    }
  };
}
