import "server-only";
import { randomUUID } from "node:crypto";
import { cookieGetter, sessionIdFromToken, sessionToken } from "../auth/session-cookie";
import { loadSessionActor } from "../services/auth/load-session-actor";
import { authenticateToken } from "../services/tokens/authenticate-token";
import { hitLocalRateLimit } from "../services/system/local-rate-limit";
import { makeCtx, type Ctx } from "../auth/context";
import { env } from "../env";
import { AppError, ForbiddenError, PayloadTooLargeError, RateLimitedError, UnauthenticatedError, ValidationError, toAppError } from "../errors";

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const SESSION_COOKIE = /(^|;\s*)(__Secure-)?next-auth\.session-token(\.\d+)?=/;

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

/** Headers every /api/v1 response carries. */
function baseHeaders(requestId: string, extra?: Record<string, string>): Record<string, string> {
  return { "x-request-id": requestId, "cache-control": "no-store", ...extra };
}

/** Below this size a JSON answer is sent as it is: gzip would cost more CPU than the bytes it saves. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * A JSON answer. Next's server gzips every answer (it drops the Content-Length that would let
 * its compression skip small bodies), so a small one says `no-transform`, which that compression
 * honours; large ones (search pages, impact) are still compressed.
 */
export function jsonResponse(value: unknown, init: { status: number; headers: Record<string, string> }): Response {
  const body = JSON.stringify(value);
  const headers: Record<string, string> = { ...init.headers, "content-type": "application/json" };
  if (body.length < COMPRESS_FROM_BYTES) headers["cache-control"] = `${headers["cache-control"] ?? "no-store"}, no-transform`;
  return new Response(body, { status: init.status, headers });
}

/** The one error body of /api/v1: { error: { code, message, details } } with its HTTP status. */
export function errorResponse(e: unknown, requestId: string): Response {
  const err = toAppError(e);
  const extra: Record<string, string> = err instanceof RateLimitedError ? { "retry-after": String(err.retryAfter) } : {};
  if (err.status === 401) extra["www-authenticate"] = 'Bearer realm="tessera"';
  return jsonResponse(
    { error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) } },
    { status: err.status, headers: baseHeaders(requestId, extra) },
  );
}

async function readBody(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) throw new PayloadTooLargeError(limit);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** PostgreSQL refuses NUL in text: reject it as bad input instead of failing deep in a write. */
function assertNoNul(value: unknown, depth = 0): void {
  if (depth > 64) throw new ValidationError("The body is nested too deeply.");
  if (typeof value === "string") {
    if (value.includes("\u0000")) throw new ValidationError("Text must not contain NUL characters.");
  } else if (Array.isArray(value)) {
    for (const v of value) assertNoNul(v, depth + 1);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      assertNoNul(k, depth + 1);
      assertNoNul(v, depth + 1);
    }
  }
}

/**
 * CSRF: a state-changing request authenticated by the session cookie must come from our own pages
 * (Sec-Fetch-Site: same-origin, or an Origin equal to ours). Bearer-token requests carry no ambient
 * credential and are exempt; `Origin: null` and cross-site requests are refused.
 */
export function assertSameOrigin(req: Request): void {
  const site = req.headers.get("sec-fetch-site");
  const origin = req.headers.get("origin");
  if (site) {
    if (site === "same-origin") return;
    throw new ForbiddenError("Cross-site request refused (CSRF protection). Use an API token for machine calls.");
  }
  const allowed = new Set([new URL(req.url).origin]);
  const configured = env().NEXTAUTH_URL;
  if (configured) allowed.add(new URL(configured).origin);
  if (origin && origin !== "null" && allowed.has(origin)) return;
  throw new ForbiddenError("Cross-site request refused (CSRF protection): a cookie-authenticated change needs a same-origin Origin header. Use an API token for machine calls.");
}

async function resolveCtx(req: Request, requestId: string): Promise<Ctx | null> {
  const auth = req.headers.get("authorization");
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const actor = m ? await authenticateToken(m[1]) : null;
    if (!actor) throw new UnauthenticatedError("The API token is missing, malformed, revoked or expired.");
    return makeCtx(actor, { requestId });
  }
  if (!SESSION_COOKIE.test(req.headers.get("cookie") ?? "")) return null;
  if (!SAFE_METHODS.has(req.method.toUpperCase())) assertSameOrigin(req);
  const sid = await sessionIdFromToken(sessionToken(cookieGetter(req.headers.get("cookie"))));
  const user = sid ? await loadSessionActor(sid) : null;
  return user ? makeCtx(user, { requestId }) : null;
}

/**
 * Per token (or per signed-in user): a token bucket of TESSERA_API_RATE_LIMIT requests per minute,
 * in this instance's memory (no database write per request; docs/security.md has the trade-off).
 */
function rateLimit(ctx: Ctx): Record<string, string> {
  const a = ctx.actor;
  const key = a.kind === "token" ? `api:token:${a.tokenId}` : a.kind === "user" ? `api:user:${a.userId}` : null;
  if (!key) return {};
  const r = hitLocalRateLimit(key, env().TESSERA_API_RATE_LIMIT, 60_000, ctx.now.getTime());
  if (!r.ok) throw new RateLimitedError(r.retryAfter, `Rate limit of ${r.limit} requests per minute reached. Retry in ${r.retryAfter} s.`);
  return { "ratelimit-limit": String(r.limit), "ratelimit-remaining": String(Math.max(0, r.limit - r.count)), "ratelimit-reset": String(r.reset) };
}

/**
 * Wraps a /api/v1 route handler: authenticates (bearer token or session cookie, with CSRF checks
 * for the cookie), rate-limits, enforces the body limit, maps every error to the standard body,
 * and serialises plain results as JSON.
 */
export function apiHandler(handler: Handler, opts: { bodyLimit?: number; public?: boolean; successStatus?: number } = {}) {
  return async (req: Request, routeCtx?: { params?: Promise<Record<string, string>> }): Promise<Response> => {
    const requestId = /^[\w.-]{1,64}$/.test(req.headers.get("x-request-id") ?? "") ? req.headers.get("x-request-id")! : randomUUID();
    try {
      const ctx = await resolveCtx(req, requestId);
      if (!ctx && !opts.public) throw new UnauthenticatedError("Send an API token as `Authorization: Bearer <token>` or sign in.");
      const limitHeaders = ctx ? rateLimit(ctx) : {};
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
          if (!t) return undefined;
          const type = req.headers.get("content-type") ?? "";
          if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw new AppError("unsupported_media_type", 415, "Send the body as JSON with `Content-Type: application/json`.");
          let value: unknown;
          try {
            value = JSON.parse(t);
          } catch {
            throw new ValidationError("The body is not valid JSON.");
          }
          // JSON can only carry NUL as the escape \u0000 (a raw control character does not parse):
          // without that escape in the text, no string in the value holds NUL and the walk is skipped.
          if (t.includes("\\u0000")) assertNoNul(value);
          return value;
        },
      });
      if (result instanceof Response) {
        for (const [k, v] of Object.entries(baseHeaders(requestId, limitHeaders))) if (!result.headers.has(k)) result.headers.set(k, v);
        return result;
      }
      if (result === undefined || opts.successStatus === 204) return new Response(null, { status: 204, headers: baseHeaders(requestId, limitHeaders) });
      return jsonResponse(result, { status: opts.successStatus ?? 200, headers: baseHeaders(requestId, limitHeaders) });
    } catch (e) {
      return errorResponse(e, requestId);
    }
  };
}
