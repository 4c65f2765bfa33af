// The fixed, user-like query set of the benchmarks: words, typos, prefixes, phrases, OR,
// exclusions, facet filters alone and combined, sorts and a deep page. Parameters as in the URL.
export const SEARCHES: { label: string; params: string }[] = [
  { label: "browse (no words)", params: "" },
  { label: "one broad word", params: "q=customer" },
  { label: "two words", params: "q=order+facts" },
  { label: "typos", params: "q=ordr+fact" },
  { label: "typos 2", params: "q=shipmnt+evnts" },
  { label: "word being typed", params: "q=refun" },
  { label: "phrase", params: "q=%22order+id%22" },
  { label: "OR", params: "q=refund+OR+chargeback" },
  { label: "exclusion", params: "q=payment+-legacy" },
  { label: "word + tier", params: "q=inventory&tier=GOLD" },
  { label: "facets only", params: "domain=orders_emea&tier=GOLD" },
  { label: "words + 2 facets", params: "q=customer+profile&slo=GREEN&class=OPERATIONAL" },
  { label: "narrow words", params: "q=kyc+check" },
  { label: "sort by subscribers", params: "q=fraud&sort=subscribers" },
  { label: "page 3", params: "q=revenue&page=3" },
  { label: "tag + status", params: "tag=pii&status=DEPRECATED" },
];

export const SUGGESTS: string[] = ["ord", "customer pro", "shipm", "kyc", "fra", "ordr fac", "payment", "emea", "gold", "returns da"];
