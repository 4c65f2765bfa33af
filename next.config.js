/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets parallel e2e runs (different ports) build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and server-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg"],
  typedRoutes: false,
};

module.exports = nextConfig;
