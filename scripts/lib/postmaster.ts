// The postmaster behind a data folder: is one running, whose is it, wait for it to exit.
import fs from "node:fs";
import path from "node:path";

/** True while `pid` runs (a zombie, killed but not yet reaped by its parent, does not count). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return process.platform !== "linux"; // no /proc: trust kill(0)
  }
}

export function procCmdline(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
  } catch {
    return undefined;
  }
}

export function procParent(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

export type RunningPostmaster = { pid: number; port: number; orphaned: boolean };

/** The postmaster that postmaster.pid names, when it is still alive and really serves this folder.
 * A lock file left by a dead server (or naming a recycled pid) is removed. */
export function runningPostmaster(dataDir: string): RunningPostmaster | undefined {
  const lockFile = path.join(dataDir, "postmaster.pid");
  let lines: string[];
  try {
    lines = fs.readFileSync(lockFile, "utf8").split("\n");
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !pidAlive(pid)) return undefined; // postgres removes a stale lock file itself
  const cmd = procCmdline(pid);
  if (cmd !== undefined && !(cmd.includes("postgres") && cmd.includes(dataDir))) {
    fs.rmSync(lockFile, { force: true }); // the pid was recycled by an unrelated process
    return undefined;
  }
  const ppid = procParent(pid);
  const parentCmd = ppid ? procCmdline(ppid) : undefined;
  // Orphaned: its parent (the runner that started it) is gone, e.g. after `kill -9`.
  const orphaned = ppid !== undefined && (ppid === 1 || !parentCmd || !/\bnode\b|tsx|vitest/.test(parentCmd));
  return { pid, port, orphaned };
}

export async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!pidAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !pidAlive(pid);
}
