// SLA feasibility against HARD upstreams: a product cannot be fresher than what it reads, nor more
// complete. Pure; used on the product's SLO page and available to contract publishing.
export type Promise_ = { freshnessMinutes?: number | null; completenessPercent?: number | null };
export type Upstream = { key: string } & Promise_;
export type FeasibilityWarning = { objective: "FRESHNESS" | "COMPLETENESS"; upstream: string; message: string };

/** What a product promises, from its SLO rows (objective and threshold). */
export function promiseOf(slos: readonly { objective: string; threshold: number }[]): Promise_ {
  return {
    freshnessMinutes: slos.find((s) => s.objective === "FRESHNESS")?.threshold ?? null,
    completenessPercent: slos.find((s) => s.objective === "COMPLETENESS")?.threshold ?? null,
  };
}

export function checkSlaFeasibility(product: Promise_, hardUpstreams: readonly Upstream[]): FeasibilityWarning[] {
  const out: FeasibilityWarning[] = [];
  for (const u of hardUpstreams) {
    if (product.freshnessMinutes != null && u.freshnessMinutes != null && product.freshnessMinutes < u.freshnessMinutes) {
      out.push({
        objective: "FRESHNESS",
        upstream: u.key,
        message: `Promises data at most ${product.freshnessMinutes} minutes old, but its hard upstream ${u.key} only promises ${u.freshnessMinutes} minutes.`,
      });
    }
    if (product.completenessPercent != null && u.completenessPercent != null && product.completenessPercent > u.completenessPercent) {
      out.push({
        objective: "COMPLETENESS",
        upstream: u.key,
        message: `Promises ${product.completenessPercent}% completeness, but its hard upstream ${u.key} only promises ${u.completenessPercent}%.`,
      });
    }
  }
  return out;
}
