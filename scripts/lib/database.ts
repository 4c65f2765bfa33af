// Which PostgreSQL a script uses: DATABASE_URL when set (an external server), otherwise the
// embedded server on .data/pg with its `tessera` database.
import { UserFacingError, checkConnection, ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-pg";
import { fromRoot } from "./paths";

export const DEMO_DATA_DIR = ".data/pg";
export const DEMO_DATABASE = "tessera";

export type DatabaseHandle = { url: string; embedded?: EmbeddedPostgres; stop(): Promise<void> };

/** Port of the embedded server: TESSERA_PG_PORT, else 5433 (or a free one when 5433 is taken). */
export function embeddedPort(): number | undefined {
  const raw = process.env.TESSERA_PG_PORT;
  if (!raw) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new UserFacingError(`TESSERA_PG_PORT must be a port number, got "${raw}".`);
  return port;
}

export async function openDatabase(options: { handleSignals?: boolean; say?: (l: string) => void } = {}): Promise<DatabaseHandle> {
  const external = process.env.DATABASE_URL?.trim();
  if (external) {
    await checkConnection(external);
    return { url: external, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: fromRoot(DEMO_DATA_DIR),
    port: embeddedPort(),
    logFile: fromRoot(".data", "postgres.log"),
    handleSignals: options.handleSignals,
    say: options.say,
  });
  try {
    const url = await ensureDatabase(embedded.url, DEMO_DATABASE);
    return { url, embedded, stop: () => embedded.stop() };
  } catch (err) {
    await embedded.stop();
    throw err;
  }
}

/** Runs a script's main: a UserFacingError prints one line (no stack) and exits 1. */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (err) => {
      if (err instanceof UserFacingError) console.error(`error: ${err.message}`);
      else console.error(err);
      process.exit(1);
    },
  );
}
