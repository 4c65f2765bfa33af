// Headers on every response. The CSP of HTML pages carries a per-request nonce and is set in
// proxy.ts; API responses get a CSP that forbids everything (they are data, never rendered).
const SECURITY_HEADERS = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets parallel e2e runs (different ports) build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and server-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "pg-boss"],
  typedRoutes: false,
  // `npm test` type-checks first (tsc --noEmit); TESSERA_SKIP_BUILD_TYPECHECK=1 skips the second pass in `next build`.
  typescript: { ignoreBuildErrors: process.env.TESSERA_SKIP_BUILD_TYPECHECK === "1" },
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
    ];
  },
};

module.exports = nextConfig;
