// CPU time (user + system, including reaped children) of process trees, from /proc: how much CPU a
// request costs the app and PostgreSQL, whatever else runs on the machine at the same time.
import fs from "node:fs";

const TICK_MS = 10; // USER_HZ is 100 on Linux

type Proc = { pid: number; ppid: number; ms: number };

function procs(): Proc[] {
  const out: Proc[] = [];
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // fields after the name: state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17)
      const ppid = Number(rest[1]);
      const t = Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]);
      out.push({ pid: Number(d), ppid, ms: t * TICK_MS });
    } catch {
      /* exited */
    }
  }
  return out;
}

/** Milliseconds of CPU used so far by the given processes and all their descendants. */
export function treeCpuMs(roots: number[]): number {
  const all = procs();
  const children = new Map<number, Proc[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const byPid = new Map(all.map((p) => [p.pid, p]));
  let total = 0;
  const stack = roots.filter((r) => byPid.has(r));
  const seen = new Set<number>();
  while (stack.length) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += byPid.get(pid)?.ms ?? 0;
    for (const c of children.get(pid) ?? []) stack.push(c.pid);
  }
  return total;
}

/** PID of the postmaster serving a data folder (its postmaster.pid), if any. */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    return Number(fs.readFileSync(`${dataDir}/postmaster.pid`, "utf8").split("\n")[0]);
  } catch {
    return undefined;
  }
}

/** Runs `fn` and reports the CPU it cost the app and PostgreSQL trees. */
export async function measureCpu<T>(app: number | undefined, pg: number | undefined, fn: () => Promise<T>): Promise<{ result: T; appMs: number; pgMs: number }> {
  const a0 = app ? treeCpuMs([app]) : 0;
  const p0 = pg ? treeCpuMs([pg]) : 0;
  const result = await fn();
  return { result, appMs: (app ? treeCpuMs([app]) : 0) - a0, pgMs: (pg ? treeCpuMs([pg]) : 0) - p0 };
}
