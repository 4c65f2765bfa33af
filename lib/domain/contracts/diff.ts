// The diff engine: compares two contract documents and classifies every change MAJOR/MINOR/PATCH
// mechanically; `required` is the bump the new version must at least make. Output order is canonical.
import { requiredBump, type Change, type RequiredBump } from "./change";
import type { ContractDocument } from "./document";
import { diffFieldLists } from "./diff-fields";
import { diffSla } from "./diff-sla";
import { diffText } from "./diff-text";

export type ContractDiff = { changes: Change[]; required: RequiredBump };
type Diffable = Pick<ContractDocument, "name" | "owner" | "description" | "product" | "schema" | "sla" | "semantics" | "support">;

const SECTION = ["field.", "sla.", "semantics.", "meta."];
const section = (c: Change) => SECTION.findIndex((s) => c.kind.startsWith(s));
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function diffContracts(old: Diffable, next: Diffable): ContractDiff {
  const changes = [...diffFieldLists(old.schema.fields, next.schema.fields), ...diffSla(old.sla, next.sla), ...diffText(old, next)];
  changes.sort((a, b) => section(a) - section(b) || compare(a.path, b.path) || compare(a.kind, b.kind) || compare(a.message, b.message));
  return { changes, required: requiredBump(changes) };
}
