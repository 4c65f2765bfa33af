// The vocabulary of contract changes: change classes, their order, and the Change record
// (stored as ContractVersion.changes: [{ path, kind, class, message }]).
export const CHANGE_CLASSES = ["MAJOR", "MINOR", "PATCH"] as const;
export type ChangeClass = (typeof CHANGE_CLASSES)[number];
/** The bump a diff requires: NONE when the documents are equivalent. */
export type RequiredBump = ChangeClass | "NONE";

export type ChangeKind =
  | "field.removed"
  | "field.renamed"
  | "field.added-required"
  | "field.added-optional"
  | "field.type-changed"
  | "field.type-widened"
  | "field.required-changed"
  | "field.enum-value-removed"
  | "field.enum-value-added"
  | "field.enum-constraint-added"
  | "field.enum-constraint-removed"
  | "field.mask-removed"
  | "field.mask-added"
  | "field.mask-changed"
  | "field.pii-tag-removed"
  | "field.pii-tag-added"
  | "field.tags-changed"
  | "field.description-changed"
  | "sla.removed"
  | "sla.added"
  | "sla.weakened"
  | "sla.strengthened"
  | "semantics.summary-changed"
  | "semantics.meaning-changed"
  | "semantics.rule-added"
  | "semantics.rule-removed"
  | "meta.name-changed"
  | "meta.owner-changed"
  | "meta.description-changed"
  | "meta.product-changed"
  | "meta.support-changed";

export type Change = { path: string; kind: ChangeKind; class: ChangeClass; message: string };

const RANK: Record<RequiredBump, number> = { NONE: 0, PATCH: 1, MINOR: 2, MAJOR: 3 };

export function bumpRank(bump: RequiredBump): number {
  return RANK[bump];
}

/** The largest class among the changes, NONE for no changes. */
export function requiredBump(changes: readonly Pick<Change, "class">[]): RequiredBump {
  return changes.reduce<RequiredBump>((max, c) => (RANK[c.class] > RANK[max] ? c.class : max), "NONE");
}
