import path from "node:path";
import { defineConfig } from "vitest/config";

const root = process.cwd();

export default defineConfig({
  resolve: {
    alias: {
      // lib/server modules `import "server-only"`, which throws outside Next's react-server build.
      "server-only": path.join(root, "tests/setup/empty-module.ts"),
      "@": root,
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["lib/**/*.test.ts", "scripts/cli/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/integration-db.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Two CPUs here: more workers only contend for PostgreSQL.
          maxWorkers: 2,
        },
      },
    ],
  },
});
