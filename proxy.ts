import { NextResponse, type NextRequest } from "next/server";
import { documentCsp } from "./lib/server/http/security-headers";

// Three small jobs, none of them the security boundary (every page and service checks the session):
// 1. a malformed %-escape in the path is a 400 (Next would answer 500 while decoding params);
// 2. an optimistic redirect to /signin for page visitors without a session cookie;
// 3. a per-request CSP nonce for HTML pages (Next puts it on its own inline scripts).
const COOKIE = /(^|;\s*)(__Secure-)?next-auth\.session-token(\.\d+)?=/;
const PUBLIC = /^\/(signin|feeds)(\/|$)/;

function malformed(path: string): boolean {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

export function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
  if (malformed(path)) {
    return path.startsWith("/api/")
      ? NextResponse.json({ error: { code: "validation_failed", message: "The URL is not valid (a malformed %-escape)." } }, { status: 400 })
      : new NextResponse("Bad request: the URL is not valid.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  if (path.startsWith("/api/")) return NextResponse.next();
  if (!PUBLIC.test(path) && !COOKIE.test(req.headers.get("cookie") ?? "")) {
    const url = req.nextUrl.clone();
    url.pathname = "/signin";
    url.search = `?callbackUrl=${encodeURIComponent(path + req.nextUrl.search)}`;
    return NextResponse.redirect(url);
  }
  const nonce = btoa(crypto.randomUUID());
  const csp = documentCsp(nonce, process.env.NODE_ENV !== "production");
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  return res;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico|txt|webmanifest|js|css|map)$).*)"],
};
