import { defineConfig } from "prisma/config";

// The CLI reads the connection here; the app connects through @prisma/adapter-pg (lib/server/db).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/tessera" },
});
