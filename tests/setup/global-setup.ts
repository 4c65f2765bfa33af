// Integration tests: ONE PostgreSQL for the whole run and a migrated template database; each test
// file then gets its own copy (tests/setup/integration-db.ts). The server is the one of
// DATABASE_URL when set, otherwise an embedded PostgreSQL in a temporary folder on a free port
// (never .data/pg, so tests cannot touch demo data).
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, makeTempClusterDir, reapTempClusters, startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/lib/embedded-pg";
import { applyPendingMigrations } from "../../scripts/lib/migrations";
import { checkConnection, createDatabase, withDatabase } from "../../scripts/lib/pg-admin";
import { dropRunDatabases, sealTemplate, templateName } from "./test-db";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of a database on the test server from which databases are created and dropped. */
    tesseraPgServerUrl: string;
    /** Name of the migrated template database. */
    tesseraPgTemplate: string;
  }
}

const TEMP_PREFIX = "tessera-test-pg-";

export default async function setup(project: TestProject) {
  const started = Date.now();
  reapTempClusters(TEMP_PREFIX);
  let server: EmbeddedPostgres | undefined;
  let tempDir: string | undefined;
  let serverUrl: string;
  const external = process.env.DATABASE_URL?.trim();
  if (external) {
    await checkConnection(external);
    serverUrl = external;
  } else {
    tempDir = makeTempClusterDir(TEMP_PREFIX);
    server = await startEmbeddedPostgres({ dataDir: path.join(tempDir, "pg"), port: await freePort(), ephemeral: true, say: () => {} });
    serverUrl = server.url;
  }

  const template = templateName();
  let teardownDone = false;
  const teardown = async () => {
    if (teardownDone) return;
    teardownDone = true;
    if (server) {
      await server.stop();
      fs.rmSync(tempDir!, { recursive: true, force: true });
    } else {
      await dropRunDatabases(serverUrl, template).catch((e) => console.error(`could not drop test databases: ${(e as Error).message}`));
    }
  };

  try {
    await createDatabase(serverUrl, template);
    const applied = await applyPendingMigrations(withDatabase(serverUrl, template));
    await sealTemplate(serverUrl, template);
    const where = server ? `embedded PostgreSQL on port ${server.port}` : "the server of DATABASE_URL";
    console.log(`integration: ${where}, template ${template} (${applied.length} migrations) ready in ${Date.now() - started} ms`);
  } catch (err) {
    await teardown();
    throw err;
  }

  project.provide("tesseraPgServerUrl", serverUrl);
  project.provide("tesseraPgTemplate", template);
  return teardown;
}
