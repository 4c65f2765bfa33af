// How an OpenLineage dataset (namespace + name) maps to a product: through an output port whose
// namespace equals the dataset's namespace and whose location equals the dataset's name. Exact
// (case-sensitive) matches win; otherwise a case-insensitive match is used only when it is unique.

export type PortCandidate = { productId: string; namespace: string; location: string };
export type MatchResult = { kind: "matched"; productId: string; exact: boolean } | { kind: "ambiguous"; productIds: string[] } | { kind: "none" };

/** Trailing slashes of a namespace are not significant ("s3://bucket/" is "s3://bucket"). */
export const normalizeNamespace = (ns: string) => ns.trim().replace(/\/+$/, "");
export const normalizeName = (name: string) => name.trim();

export function matchDataset(ds: { namespace: string; name: string }, ports: readonly PortCandidate[]): MatchResult {
  const ns = normalizeNamespace(ds.namespace);
  const name = normalizeName(ds.name);
  const distinct = (ps: readonly PortCandidate[]) => [...new Set(ps.map((p) => p.productId))];
  const exact = distinct(ports.filter((p) => normalizeNamespace(p.namespace) === ns && normalizeName(p.location) === name));
  if (exact.length === 1) return { kind: "matched", productId: exact[0]!, exact: true };
  if (exact.length > 1) return { kind: "ambiguous", productIds: exact };
  const lower = (s: string) => s.toLowerCase();
  const loose = distinct(ports.filter((p) => lower(normalizeNamespace(p.namespace)) === lower(ns) && lower(normalizeName(p.location)) === lower(name)));
  if (loose.length === 1) return { kind: "matched", productId: loose[0]!, exact: false };
  if (loose.length > 1) return { kind: "ambiguous", productIds: loose };
  return { kind: "none" };
}
