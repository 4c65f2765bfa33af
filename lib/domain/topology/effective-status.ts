// Effective status over the dependency graph: a product is AT RISK when an upstream reached through
// HARD edges only (transitively) is RED, and DEGRADED when a direct SOFT upstream is RED.
import type { SloStatus } from "../slo/status";

export type DependencyKind = "HARD" | "SOFT" | "CONTROL" | "TRUTH";
export type KindedEdge = { downstream: string; upstream: string; kind: DependencyKind };
export type EffectiveStatus = { atRisk: boolean; degraded: boolean; /** RED product the risk comes from (nearest). */ riskFrom: string | null };

/** Worst first: a breach outranks a warning, and silence outranks health. */
const SEVERITY: Record<SloStatus, number> = { RED: 3, AMBER: 2, UNKNOWN: 1, GREEN: 0 };

/** A product's own status: its worst objective; UNKNOWN without any objective. */
export function worstStatus(statuses: readonly SloStatus[]): SloStatus {
  return statuses.reduce<SloStatus>((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a), statuses.length ? "GREEN" : "UNKNOWN");
}

/** Effective status of every product in `own` (one BFS from the RED products: linear in the graph). */
export function effectiveStatuses(own: ReadonlyMap<string, SloStatus>, edges: readonly KindedEdge[]): Map<string, EffectiveStatus> {
  const hardDown = new Map<string, string[]>();
  const degraded = new Set<string>();
  for (const e of edges) {
    if (e.kind === "HARD") {
      const list = hardDown.get(e.upstream);
      if (list) list.push(e.downstream);
      else hardDown.set(e.upstream, [e.downstream]);
    } else if (e.kind === "SOFT" && own.get(e.upstream) === "RED") degraded.add(e.downstream);
  }
  // Multi-source BFS; each node keeps up to two distinct sources, so a RED node that only
  // reaches itself (a cycle) is not at risk, while one below another RED product is.
  const sources = new Map<string, string[]>();
  const queue: [string, string][] = [];
  for (const [id, s] of own) if (s === "RED") queue.push([id, id]);
  for (let i = 0; i < queue.length; i++) {
    const [node, source] = queue[i]!;
    for (const d of hardDown.get(node) ?? []) {
      const seen = sources.get(d) ?? [];
      if (seen.length >= 2 || seen.includes(source)) continue;
      seen.push(source);
      sources.set(d, seen);
      queue.push([d, source]);
    }
  }
  const riskFrom = new Map<string, string>();
  for (const [id, list] of sources) {
    const other = list.find((s) => s !== id);
    if (other) riskFrom.set(id, other);
  }
  const out = new Map<string, EffectiveStatus>();
  for (const id of own.keys()) out.set(id, { atRisk: riskFrom.has(id), degraded: degraded.has(id), riskFrom: riskFrom.get(id) ?? null });
  return out;
}
