#!/usr/bin/env node
// Runs Tessera with its database. Modes:
//   demo        start PostgreSQL if needed, migrate, seed when empty, `next build`, `next start`
//   start       production: migrate, never seed, `next build` only when there is no build, `next start`
//   dev         the same with `next dev`
//   seed        start PostgreSQL if needed, migrate, run prisma/seed.ts, stop
//   e2e-server  a throwaway database (migrated + seeded), `next build`, `next start` on 3100
// DATABASE_URL selects an external server; without it the embedded PostgreSQL keeps its data in
// .data/pg (e2e-server: a temporary folder). Ctrl-C stops the app, then PostgreSQL.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import { register as registerCjs } from "tsx/cjs/api";
import { register as registerEsm } from "tsx/esm/api";

// Lets this plain-Node script import the TypeScript helpers in scripts/lib (both loaders: the
// helpers are CommonJS or ES modules depending on package.json "type").
registerCjs();
registerEsm();
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
// A CommonJS module imported from ESM arrives as { default: exports }.
const load = async (p) => {
  const m = await import(p);
  return "default" in m && Object.keys(m).length === 1 ? m.default : m;
};
const pgLib = await load("./lib/embedded-pg.ts");
const { applyPendingMigrations } = await load("./lib/migrations.ts");
const { DEMO_DATABASE, DEMO_DATA_DIR, embeddedPort } = await load("./lib/database.ts");
const { UserFacingError, checkConnection, createDatabase, dropDatabase, ensureDatabase, withClient, withDatabase } = pgLib;

const MODES = ["demo", "start", "dev", "seed", "e2e-server"];
const mode = process.argv[2];
const say = (line) => console.log(`[tessera] ${line}`);

let db; // { url, stop() }
let child; // the running child process, if any
let stopping = false;

async function main() {
  if (!MODES.includes(mode)) throw new UserFacingError(`usage: node scripts/run.mjs <${MODES.join("|")}>`);
  for (const s of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(s, () => shutdown(s));
  // `npm run` does not pass SIGTERM on: when our parent goes away, stop as if it had.
  const parent = process.ppid;
  if (parent > 1) setInterval(() => process.ppid !== parent && shutdown("SIGTERM"), 1000).unref();

  const port = Number(process.env.PORT || (mode === "e2e-server" ? 3100 : 3000));
  if (mode !== "seed") await assertPortFree(port);
  setAppEnv(port);

  db = mode === "e2e-server" ? await openThrowawayDatabase() : await openDatabase();
  if (mode === "e2e-server") {
    // e2e only: journeys move the clock (lib/server/clock.ts) and set up test data against this database.
    process.env.TESSERA_TEST_CLOCK = "1";
    fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
    fs.writeFileSync(path.join(root, "test-results", `e2e-database-url-${port}.txt`), db.url, { mode: 0o600 });
  }
  const applied = await applyPendingMigrations(db.url);
  say(applied.length ? `applied ${applied.length} migration(s): ${applied.join(", ")}` : "database schema is up to date");

  if (mode === "start") {
    if (await isEmpty(db.url)) say("the database has no users yet: make the first admin with TESSERA_ADMIN_EMAILS (SSO) or `npm run -s tessera -- user create <email> --admin`.");
  } else if (mode === "seed" || mode === "e2e-server" || (await isEmpty(db.url))) await seed(mode === "seed");
  if (mode === "seed") return finish(0);

  const next = createRequire(path.join(root, "package.json")).resolve("next/dist/bin/next");
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (mode === "start" && fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
    say(`serving the existing build in ${distDir} (run \`npm run build\` after an upgrade)`);
  } else if (mode !== "dev") {
    say("building the app (next build)...");
    const code = await run(process.execPath, [next, "build"]);
    if (code !== 0) return finish(code ?? 1, "next build failed");
  }
  const args = mode === "dev" ? [next, "dev", "-p", String(port)] : [next, "start", "-p", String(port)];
  const exit = run(process.execPath, args);
  void announceWhenReady(port);
  void db.exited?.then(() => {
    if (!stopping) {
      say("PostgreSQL stopped unexpectedly: stopping the app.");
      shutdown("SIGTERM", 1);
    }
  });
  const code = await exit;
  return finish(stopping ? 0 : (code ?? 1));
}

/** AUTH_SECRET/NEXTAUTH_SECRET (persisted in .data/secret when unset), NEXTAUTH_URL, telemetry. */
function setAppEnv(port) {
  let secret = process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET;
  if (!secret) {
    const file = path.join(root, ".data", "secret");
    if (fs.existsSync(file)) secret = fs.readFileSync(file, "utf8").trim();
    if (!secret) {
      secret = crypto.randomBytes(32).toString("base64url");
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
    }
  }
  process.env.AUTH_SECRET ||= secret;
  process.env.NEXTAUTH_SECRET ||= secret;
  process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.env.PORT = String(port);
}

/** DATABASE_URL, or the embedded server on .data/pg with its `tessera` database. */
async function openDatabase() {
  const external = process.env.DATABASE_URL?.trim();
  if (external) {
    await checkConnection(external);
    say(`using DATABASE_URL (${redact(external)})`);
    return { url: external, owned: false, stop: async () => {} };
  }
  const server = await pgLib.startEmbeddedPostgres({
    dataDir: path.join(root, DEMO_DATA_DIR),
    port: embeddedPort(),
    logFile: path.join(root, ".data", "postgres.log"),
    handleSignals: false,
    say,
  });
  const url = await ensureDatabase(server.url, DEMO_DATABASE).catch(async (e) => {
    await server.stop();
    throw e;
  });
  process.env.DATABASE_URL = url;
  if (!server.reused) say(`PostgreSQL started on port ${server.port} (data in ${DEMO_DATA_DIR}, log in .data/postgres.log)`);
  return { url, owned: server.owned, exited: server.exited, stop: () => server.stop() };
}

/** e2e: its own database. A new one on the DATABASE_URL server, else an embedded server in a temp folder. */
async function openThrowawayDatabase() {
  const external = process.env.DATABASE_URL?.trim();
  if (external) {
    const name = `tessera_e2e_${process.pid}_${Date.now().toString(36)}`;
    await createDatabase(external, name);
    const url = withDatabase(external, name);
    process.env.DATABASE_URL = url;
    say(`e2e database ${name} on the DATABASE_URL server`);
    return { url, owned: false, stop: () => dropDatabase(external, name).catch(() => {}) };
  }
  const prefix = "tessera-e2e-pg-";
  pgLib.reapTempClusters(prefix);
  const dir = pgLib.makeTempClusterDir(prefix);
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const server = await pgLib.startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await pgLib.freePort(), ephemeral: true, handleSignals: false, say: () => {} });
    const url = await ensureDatabase(server.url, DEMO_DATABASE);
    process.env.DATABASE_URL = url;
    say(`e2e PostgreSQL on port ${server.port} (temporary data in ${dir})`);
    return { url, owned: true, exited: server.exited, stop: async () => (await server.stop(), remove()) };
  } catch (e) {
    remove();
    throw e;
  }
}

async function isEmpty(url) {
  return withClient(url, async (c) => {
    try {
      return !(await c.query('select 1 from "User" limit 1')).rowCount;
    } catch {
      return true;
    }
  });
}

async function seed(required) {
  const file = path.join(root, "prisma", "seed.ts");
  if (!fs.existsSync(file)) {
    if (required) throw new UserFacingError("prisma/seed.ts does not exist yet.");
    say("prisma/seed.ts not found: starting with an empty database.");
    return;
  }
  say("seeding the database (prisma/seed.ts)...");
  const code = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", file]);
  if (code !== 0) throw new UserFacingError(`the seed failed (exit code ${code}).`);
}

/** Runs a child with inherited output; resolves with its exit code (null when killed). */
function run(cmd, args) {
  if (stopping) return Promise.resolve(null);
  return new Promise((resolve) => {
    child = spawn(cmd, args, { stdio: "inherit", env: process.env, cwd: root });
    child.once("error", (e) => {
      console.error(`[tessera] could not start ${path.basename(args[0] ?? cmd)}: ${e.message}`);
      resolve(1);
    });
    child.once("exit", (code, signal) => {
      child = undefined;
      resolve(signal ? null : code);
    });
  });
}

async function announceWhenReady(port) {
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 180_000;
  while (!stopping && Date.now() < deadline) {
    try {
      await fetch(`http://127.0.0.1:${port}/`, { redirect: "manual", signal: AbortSignal.timeout(30_000) });
      say(`Tessera is ready: ${url}${mode === "e2e-server" ? " (e2e)" : ""}   (Ctrl-C to stop)`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", () => reject(new UserFacingError(`port ${port} is already in use: stop what uses it or set PORT, e.g. PORT=3001 npm run start:demo`)));
    srv.listen({ port }, () => srv.close(() => resolve()));
  });
}

/** Signal: stop the child first (it may still use the database), then PostgreSQL. */
function shutdown(signal, code) {
  if (stopping) return;
  stopping = true;
  const exitCode = code ?? 0; // asked to stop, and stopped cleanly
  say("stopping...");
  const current = child;
  if (current) {
    current.kill(signal === "SIGHUP" ? "SIGTERM" : signal);
    const timer = setTimeout(() => current.kill("SIGKILL"), 10_000);
    current.once("exit", () => {
      clearTimeout(timer);
      void finish(exitCode);
    });
  } else {
    void finish(exitCode);
  }
}

let finishing;
async function finish(code, message) {
  finishing ??= (async () => {
    if (message) say(message);
    await db?.stop().catch(() => {});
    if (db?.owned) say("PostgreSQL stopped.");
    process.exit(code);
  })();
  return finishing;
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "unparsable URL";
  }
}

main().catch(async (err) => {
  console.error(`[tessera] error: ${err instanceof UserFacingError ? err.message : (err?.stack ?? err)}`);
  await finish(1);
});
