import { NextResponse, type NextRequest } from "next/server";

// Only an optimistic redirect for visitors without a session cookie; every page and
// service checks the session itself (the proxy is never the security boundary).
const COOKIE = /(^|;\s*)(__Secure-)?next-auth\.session-token=/;

export function proxy(req: NextRequest) {
  if (COOKIE.test(req.headers.get("cookie") ?? "")) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(req.nextUrl.pathname + req.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!api|signin|_next|favicon.ico|feeds|.*\\.(?:svg|png|ico|txt)$).*)"],
};
