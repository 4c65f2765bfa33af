// Databases for integration tests: one migrated template per run, then a copy per test file
// (CREATE DATABASE ... TEMPLATE copies files: a few tens of milliseconds).
import { createDatabase, dropDatabase, withClient, withDatabase } from "../../scripts/lib/pg-admin";

/** Names start with this, so a run can find (and drop) what it created. */
export const RUN_PREFIX = "tessera_test_";

const id = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

export function templateName(): string {
  return `${RUN_PREFIX}${process.pid}_${id()}_tmpl`;
}

/** Creates a fresh copy of `template` on the server of `serverUrl`; returns its name and URL. */
export async function createTestDatabase(serverUrl: string, template: string): Promise<{ name: string; url: string }> {
  const name = `${template.replace(/_tmpl$/, "")}_${id()}`.slice(0, 63);
  await createDatabase(serverUrl, name, template);
  return { name, url: withDatabase(serverUrl, name) };
}

export async function dropTestDatabase(serverUrl: string, name: string): Promise<void> {
  await dropDatabase(serverUrl, name);
}

/** Marks `name` as a template nobody connects to (a connection would make copies fail). */
export async function sealTemplate(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (c) => c.query(`alter database "${name}" with is_template true allow_connections false`));
}

/** Drops the template and any per-file database left behind by this run. */
export async function dropRunDatabases(serverUrl: string, template: string): Promise<void> {
  const prefix = template.replace(/_tmpl$/, "");
  await withClient(serverUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>("select datname from pg_database where starts_with(datname, $1)", [prefix]);
    for (const { datname } of rows) {
      await c.query(`alter database "${datname}" with is_template false allow_connections true`);
      await c.query(`drop database if exists "${datname}" with (force)`);
    }
  });
}
