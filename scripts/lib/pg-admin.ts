// PostgreSQL administration helpers shared by scripts and the test harness: connect with a
// one-line error, create/drop databases. Plain `pg`, no server management (see embedded-pg.ts).
import pg from "pg";

/** An error whose message is meant for the user as is: scripts print it without a stack. */
export class UserFacingError extends Error {
  override name = "UserFacingError";
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** One line explaining why a PostgreSQL server cannot be used, without a stack trace. */
export function describeConnectionError(err: unknown, url: string): string {
  let where = url;
  try {
    const u = new URL(url);
    where = `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    /* keep the raw value */
  }
  const e = err as { code?: string; message?: string };
  const reason =
    e.code === "ECONNREFUSED" ? "connection refused (is the server running?)"
    : e.code === "ENOTFOUND" || e.code === "EAI_AGAIN" ? "unknown host"
    : e.code === "ETIMEDOUT" ? "connection timed out"
    : e.code === "28P01" ? "password authentication failed"
    : e.code === "3D000" ? "database does not exist"
    : (e.message ?? String(err)).split("\n")[0];
  return `Cannot use PostgreSQL at ${where}: ${reason}. Check DATABASE_URL, or unset it to use the embedded server.`;
}

/** Runs `fn` with a connected client; connection failures become a one-line UserFacingError. */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10000 });
  client.on("error", () => {}); // a server shutting down must not crash the caller
  try {
    await client.connect();
  } catch (err) {
    throw new UserFacingError(describeConnectionError(err, url));
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Throws a one-line UserFacingError when the server cannot be reached. */
export async function checkConnection(url: string): Promise<void> {
  await withClient(url, async (c) => void (await c.query("select 1")));
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates database `name` on the server of `adminUrl` when it does not exist; returns its URL. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  await withClient(adminUrl, async (c) => {
    const { rowCount } = await c.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) {
      try {
        await c.query(`create database ${quoteIdent(name)}`);
      } catch (e) {
        if ((e as { code?: string }).code !== "42P04") throw e; // created concurrently
      }
    }
  });
  return withDatabase(adminUrl, name);
}

export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  await withClient(adminUrl, (c) => c.query(`create database ${quoteIdent(name)}${template ? ` template ${quoteIdent(template)}` : ""}`));
  return withDatabase(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (c) => c.query(`drop database if exists ${quoteIdent(name)} with (force)`));
}

/** The admin URL (database `postgres`) of the server that `url` points to. */
export function adminUrlOf(url: string): string {
  return withDatabase(url, "postgres");
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}
