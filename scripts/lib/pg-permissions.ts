// Running as root: PostgreSQL refuses root, so it runs as the `postgres` user (created when
// missing), which must be able to enter the data folder and the binaries' folder.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { UserFacingError } from "./pg-admin";

export const PG_OS_USER = "postgres";
export type Ids = { uid: number; gid: number };

export function postgresIds(): Ids | undefined {
  try {
    const uid = Number(execFileSync("id", ["-u", PG_OS_USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    const gid = Number(execFileSync("id", ["-g", PG_OS_USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

export function ensurePostgresUser(): Ids {
  let ids = postgresIds();
  if (!ids) {
    try {
      execFileSync("groupadd", ["-f", PG_OS_USER], { stdio: "ignore" });
      execFileSync("useradd", ["-g", PG_OS_USER, "-M", "-s", "/usr/sbin/nologin", PG_OS_USER], { stdio: "ignore" });
    } catch {
      throw new UserFacingError(`Running as root: PostgreSQL must run as user '${PG_OS_USER}', which does not exist and could not be created (useradd failed).`);
    }
    ids = postgresIds();
    if (!ids) throw new UserFacingError(`Running as root: could not create user '${PG_OS_USER}' for PostgreSQL.`);
  }
  return ids;
}

/** As root, the server runs as `postgres`: every parent of `dir` must be searchable by it. */
export function ensureReachable(dir: string, ids: Ids, what: string): void {
  let p = path.resolve(dir);
  const chain: string[] = [];
  while (true) {
    chain.unshift(p);
    const parent = path.dirname(p);
    if (parent === p) break;
    p = parent;
  }
  for (const d of chain) {
    let st: fs.Stats;
    try {
      st = fs.statSync(d);
    } catch {
      return; // not created yet: we create the rest with mode 0755
    }
    const bit = st.uid === ids.uid ? 0o100 : st.gid === ids.gid ? 0o010 : 0o001;
    if (!(st.mode & bit)) {
      // Traversal only (o+x: enter, not list or read), the least PostgreSQL needs; said out loud.
      try {
        fs.chmodSync(d, (st.mode & 0o7777) | 0o001);
        console.log(`[tessera] granted traversal (chmod o+x) on ${d} so user '${PG_OS_USER}' can reach ${what}`);
      } catch {
        throw new UserFacingError(
          `Running as root, PostgreSQL runs as user '${PG_OS_USER}', which cannot enter ${d} (mode ${(st.mode & 0o777).toString(8)}) to reach ${what}. ` +
            `Grant traversal with \`chmod o+x ${d}\`, clone the repository elsewhere (e.g. /srv or /tmp), or set DATABASE_URL to an existing server.`,
        );
      }
    }
  }
}

export function mkdirReachable(dir: string): void {
  const missing: string[] = [];
  let p = path.resolve(dir);
  while (!fs.existsSync(p)) {
    missing.unshift(p);
    p = path.dirname(p);
  }
  for (const d of missing) {
    fs.mkdirSync(d);
    fs.chmodSync(d, 0o755); // independent of umask: the postgres user must traverse it
  }
}

export function chownTree(dir: string, uid: number, gid: number): void {
  const st = fs.lstatSync(dir);
  if (st.uid === uid && st.gid === gid && !st.isDirectory()) return;
  fs.lchownSync(dir, uid, gid);
  if (st.isDirectory()) for (const e of fs.readdirSync(dir)) chownTree(path.join(dir, e), uid, gid);
}
