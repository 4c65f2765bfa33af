// Security headers, shared by proxy.ts (documents, with a per-request nonce) and next.config.js
// (everything else). No "server-only": proxy.ts imports it. Plain data, no secrets.
import { createHash } from "node:crypto";
import { THEME_SCRIPT } from "../../../components/shell/theme-script";

export const THEME_SCRIPT_HASH = `'sha256-${createHash("sha256").update(THEME_SCRIPT).digest("base64")}'`;

/**
 * The CSP of an HTML page: scripts only from us, with the request's nonce (Next adds it to its own
 * inline scripts) or the theme script's hash; no eval outside development; nothing may frame us.
 */
export function documentCsp(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' ${THEME_SCRIPT_HASH}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self' blob:",
  ].join("; ");
}
