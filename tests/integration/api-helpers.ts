// Calls /api/v1 route handlers in-process with real Requests (token-authenticated calls never
// reach next-auth, which needs Next's request scope).
import { makeCtx } from "@/lib/server/auth/context";
import { createToken } from "@/lib/server/services/tokens/create-token";

type RouteFn = (req: Request, ctx?: { params?: Promise<Record<string, string>> }) => Promise<Response>;

export async function call(
  fn: RouteFn,
  opts: { method?: string; path?: string; params?: Record<string, string>; token?: string; headers?: Record<string, string>; body?: unknown; rawBody?: BodyInit },
) {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: BodyInit | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  const req = new Request(`http://localhost:3000${opts.path ?? "/api/v1/x"}`, { method: opts.method ?? "GET", headers, body, ...(body ? { duplex: "half" } : {}) } as RequestInit);
  const res = await fn(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let json: any = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** A real API token for a team (created as the system, like the CLI does). */
export async function newToken(teamSlug: string, scopes: string[]) {
  const r = await createToken({ ctx: makeCtx({ kind: "system", label: "test" }), input: { team: teamSlug, name: `t-${Math.random().toString(36).slice(2, 8)}`, scopes } });
  return r.token;
}
