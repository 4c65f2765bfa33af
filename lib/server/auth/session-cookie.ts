import "server-only";
import { decode } from "next-auth/jwt";
import { authSecret, useSecureCookies } from "../env";

// The session id from next-auth's session cookie, without next-auth's session endpoint: that path
// derives the key, decrypts, runs the callbacks and re-encrypts a cookie it cannot set from a
// server component, on every request. A decrypted cookie is remembered (bounded, until it
// expires); the session itself is still checked in the database on every request.

const MAX_ENTRIES = 10_000;
const decoded = new Map<string, { sid: string | null; until: number }>();

export function sessionCookieName(): string {
  return `${useSecureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

/** The cookie's value, joining the chunks (name.0, name.1, …) next-auth writes for long values. */
export function sessionToken(get: (name: string) => string | undefined): string | null {
  const name = sessionCookieName();
  const whole = get(name);
  if (whole) return whole;
  let joined = "";
  for (let i = 0; ; i++) {
    const part = get(`${name}.${i}`);
    if (part === undefined) break;
    joined += part;
  }
  return joined || null;
}

/** Reads a Cookie request header into a lookup function. */
export function cookieGetter(header: string | null): (name: string) => string | undefined {
  const map = new Map<string, string>();
  for (const pair of (header ?? "").split(";")) {
    const i = pair.indexOf("=");
    if (i <= 0) continue;
    const k = pair.slice(0, i).trim();
    if (map.has(k)) continue;
    const v = pair.slice(i + 1).trim();
    try {
      map.set(k, decodeURIComponent(v));
    } catch {
      map.set(k, v);
    }
  }
  return (name) => map.get(name);
}

/** The `sid` the cookie carries, or null when it is missing, forged or expired. */
export async function sessionIdFromToken(token: string | null, now = Date.now()): Promise<string | null> {
  if (!token) return null;
  const hit = decoded.get(token);
  if (hit && hit.until > now) return hit.sid;
  let sid: string | null = null;
  let until = now + 60_000;
  try {
    const payload = await decode({ token, secret: authSecret() });
    sid = typeof payload?.sid === "string" ? payload.sid : null;
    if (typeof payload?.exp === "number") {
      until = Math.min(until, payload.exp * 1000);
      if (until <= now) sid = null;
    }
  } catch {
    sid = null; // not ours, tampered with, or expired
  }
  if (decoded.size >= MAX_ENTRIES) decoded.delete(decoded.keys().next().value!);
  decoded.set(token, { sid, until });
  return sid;
}
