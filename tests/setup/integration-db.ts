// Runs before each integration test file, before it imports app modules: gives the file its own
// database (a copy of the migrated template) through DATABASE_URL, and drops it afterwards.
// The app reads DATABASE_URL lazily (lib/server/env.ts), so its client connects to this copy.
import { afterAll, inject } from "vitest";
import { createTestDatabase, dropTestDatabase } from "./test-db";

const serverUrl = inject("tesseraPgServerUrl");
const template = inject("tesseraPgTemplate");
const db = await createTestDatabase(serverUrl, template);

process.env.DATABASE_URL = db.url;
process.env.TESSERA_TEST_DATABASE = db.name;
// Settings the app requires at startup; tests never reach the network.
process.env.AUTH_SECRET ??= "integration-tests-secret-not-for-production-0123456789";
process.env.NEXTAUTH_SECRET ??= process.env.AUTH_SECRET;
process.env.NEXTAUTH_URL ??= "http://localhost:3000";
// Services never start the job runner; tests call job functions directly.
process.env.TESSERA_JOBS = "off";

afterAll(async () => {
  // WITH (FORCE) closes connections a test left open (the app's pool sees an idle-client error).
  await dropTestDatabase(serverUrl, db.name);
});
