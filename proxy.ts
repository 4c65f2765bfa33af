import { NextResponse, type NextRequest } from "next/server";
import { documentCsp } from "./lib/server/http/security-headers";

// Two jobs, neither of them the security boundary (every page and service checks the session itself):
// 1. an optimistic redirect to /signin for visitors without a session cookie;
// 2. a per-request CSP nonce for HTML pages (Next puts it on its own inline scripts).
const COOKIE = /(^|;\s*)(__Secure-)?next-auth\.session-token(\.\d+)?=/;
const PUBLIC = /^\/(signin|feeds)(\/|$)/;

export function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
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
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico|txt|webmanifest|js|css|map)$).*)"],
};
