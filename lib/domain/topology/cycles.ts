// Dependency cycles: a new edge downstream -> upstream closes a cycle when the upstream already
// depends (transitively) on the downstream. Returns the path that would become a cycle.

export type Edge = { downstream: string; upstream: string };

/** The path upstream -> ... -> downstream if adding downstream->upstream would close a cycle, else null. */
export function cycleIfAdded(edges: readonly Edge[], downstream: string, upstream: string): string[] | null {
  if (downstream === upstream) return [downstream];
  const ups = new Map<string, string[]>();
  for (const e of edges) {
    const list = ups.get(e.downstream);
    if (list) list.push(e.upstream);
    else ups.set(e.downstream, [e.upstream]);
  }
  // Walk upstream from `upstream`; reaching `downstream` means it already reads from it.
  const prev = new Map<string, string | null>([[upstream, null]]);
  const queue = [upstream];
  while (queue.length) {
    const node = queue.shift()!;
    if (node === downstream) {
      const path: string[] = [];
      for (let n: string | null = node; n !== null; n = prev.get(n) ?? null) path.unshift(n);
      return path;
    }
    for (const next of ups.get(node) ?? []) {
      if (!prev.has(next)) {
        prev.set(next, node);
        queue.push(next);
      }
    }
  }
  return null;
}
