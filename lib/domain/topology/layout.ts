// Layered layout for the dependency picture: longest-path layering (upstreams left of their
// downstreams), nodes ordered inside a layer by the barycentre of their neighbours to cut crossings.
export type LayoutEdge = { from: string; to: string }; // from = upstream, to = downstream
export type LayoutNode = { id: string; layer: number; order: number; x: number; y: number };
export type Layout = { nodes: LayoutNode[]; width: number; height: number };

export function layeredLayout(ids: readonly string[], edges: readonly LayoutEdge[], opts: { columnWidth?: number; rowHeight?: number } = {}): Layout {
  const colW = opts.columnWidth ?? 240;
  const rowH = opts.rowHeight ?? 56;
  const known = new Set(ids);
  const ins = new Map<string, string[]>(ids.map((id) => [id, []]));
  const outs = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) {
    if (!known.has(e.from) || !known.has(e.to) || e.from === e.to) continue;
    ins.get(e.to)!.push(e.from);
    outs.get(e.from)!.push(e.to);
  }
  // Kahn's order; nodes left over (a cycle, which the rules refuse) go in the last layer seen.
  const indeg = new Map(ids.map((id) => [id, ins.get(id)!.length]));
  const layer = new Map<string, number>();
  const queue = ids.filter((id) => indeg.get(id) === 0);
  for (const id of queue) layer.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i]!;
    for (const d of outs.get(n)!) {
      layer.set(d, Math.max(layer.get(d) ?? 0, layer.get(n)! + 1));
      indeg.set(d, indeg.get(d)! - 1);
      if (indeg.get(d) === 0) queue.push(d);
    }
  }
  for (const id of ids) if (!layer.has(id)) layer.set(id, 0);
  const layers: string[][] = [];
  for (const id of ids) (layers[layer.get(id)!] ??= []).push(id);
  const order = new Map<string, number>();
  layers.forEach((l, li) => {
    if (li === 0) l.sort();
    else {
      const bary = (id: string) => {
        const ps = ins.get(id)!.filter((p) => order.has(p));
        return ps.length ? ps.reduce((a, p) => a + order.get(p)!, 0) / ps.length : Number.MAX_SAFE_INTEGER;
      };
      l.sort((a, b) => bary(a) - bary(b) || a.localeCompare(b));
    }
    l.forEach((id, i) => order.set(id, i));
  });
  const tallest = Math.max(1, ...layers.map((l) => l?.length ?? 0));
  const nodes: LayoutNode[] = [];
  layers.forEach((l, li) => {
    const offset = ((tallest - l.length) * rowH) / 2;
    l.forEach((id, i) => nodes.push({ id, layer: li, order: i, x: li * colW, y: offset + i * rowH }));
  });
  return { nodes, width: Math.max(1, layers.length) * colW, height: tallest * rowH };
}
