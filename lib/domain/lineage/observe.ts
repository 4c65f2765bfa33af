// From one run's mapped datasets to observed edges, each checked with the same governance rules as
// declared dependencies. The job writes every output and reads every input: each (output, input)
// pair is an edge downstream = output, upstream = input. A job reading the product it writes
// (an incremental merge) is not an edge.
import { checkTierDependency, DEFAULT_TIER_RULES, type ProductRef, type TierRuleSettings } from "../governance/tier-rules";
import { cycleIfAdded, type Edge } from "../topology/cycles";

export type MappedProduct = ProductRef & { id: string; key: string };
export type Flag = { rule: string; message: string };
export type ObservedEdge = { downstream: MappedProduct; upstream: MappedProduct; flags: Flag[] };

export function observedEdges(
  outputs: readonly MappedProduct[],
  inputs: readonly MappedProduct[],
  existing: readonly Edge[],
  settings: TierRuleSettings = DEFAULT_TIER_RULES,
): ObservedEdge[] {
  const out: ObservedEdge[] = [];
  const seen = new Set<string>();
  const graph = [...existing];
  for (const down of outputs) {
    for (const up of inputs) {
      const k = `${down.id}>${up.id}`;
      if (down.id === up.id || seen.has(k)) continue;
      seen.add(k);
      out.push({ downstream: down, upstream: up, flags: flagsFor(down, up, graph, settings) });
      if (!graph.some((e) => e.downstream === down.id && e.upstream === up.id)) graph.push({ downstream: down.id, upstream: up.id });
    }
  }
  return out;
}

/** Every rule the read down <- up breaks (tier rules, and a cycle with the edges already known). */
export function flagsFor(down: MappedProduct, up: MappedProduct, edges: readonly Edge[], settings: TierRuleSettings = DEFAULT_TIER_RULES): Flag[] {
  const flags: Flag[] = [];
  const tier = checkTierDependency(down, up, settings);
  if (!tier.ok) flags.push({ rule: tier.rule, message: tier.message });
  const others = edges.filter((e) => !(e.downstream === down.id && e.upstream === up.id));
  if (cycleIfAdded(others, down.id, up.id)) flags.push({ rule: "topology.no-cycles", message: `${down.key} reads ${up.key}, which already depends on ${down.key}: a cycle.` });
  return flags;
}
