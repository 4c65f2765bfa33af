import type { ChildProcess } from "node:child_process";

/** Stops a child process: SIGTERM, then SIGKILL after 10 s; resolves when it has exited (at once if it already has). */
export function childStopper(child: ChildProcess): () => Promise<void> {
  let exited = false;
  child.once("exit", () => (exited = true));
  return async () => {
    if (exited) return;
    const done = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    const t = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await done;
    clearTimeout(t);
  };
}
