// Throwaway clusters (integration tests, e2e) in temporary folders, and the removal of those
// left behind by a run that was killed before its cleanup.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pidAlive, runningPostmaster } from "./postmaster";

/** A new temporary folder for a throwaway cluster (tests, e2e), enterable by the postgres user,
 * with an owner.pid file so a later run can tell it was abandoned (reapTempClusters). */
export function makeTempClusterDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755); // as root, the server runs as `postgres` and must enter it
  fs.writeFileSync(path.join(dir, "owner.pid"), String(process.pid));
  return dir;
}

/** Removes throwaway clusters whose owner process is gone (killed before its cleanup), stopping
 * their server first. Folders of runs still going are left alone. */
export function reapTempClusters(prefix: string): void {
  const base = os.tmpdir();
  for (const name of fs.readdirSync(base)) {
    if (!name.startsWith(prefix)) continue;
    const dir = path.join(base, name);
    try {
      const ownerFile = path.join(dir, "owner.pid");
      if (!fs.existsSync(ownerFile)) {
        if (Date.now() - fs.statSync(dir).mtimeMs < 10 * 60_000) continue; // being created
      } else if (pidAlive(Number(fs.readFileSync(ownerFile, "utf8")))) {
        continue; // its run is still going
      }
      const running = runningPostmaster(path.join(dir, "pg"));
      if (running) process.kill(running.pid, "SIGQUIT"); // throwaway data: immediate shutdown
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      /* not ours to remove (another user's), or already gone */
    }
  }
}
