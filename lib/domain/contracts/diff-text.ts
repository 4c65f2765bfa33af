// Editorial part of the diff (always PATCH): name, owner, description, product, semantics.
// Semantics are prose: the diff cannot judge them, so a human reads the changelog.
import type { Change, ChangeKind } from "./change";
import type { ContractDocument } from "./document";

type Doc = Pick<ContractDocument, "name" | "owner" | "description" | "product" | "semantics" | "support">;

const channelKey = (c: NonNullable<ContractDocument["support"]>[number]) => JSON.stringify([c.channel, c.tool ?? "", c.scope ?? "", c.url ?? "", c.description ?? ""]);

export function diffText(old: Doc, next: Doc): Change[] {
  const changes: Change[] = [];
  const patch = (path: string, kind: ChangeKind, message: string) => changes.push({ path, kind, class: "PATCH", message });
  if (old.name !== next.name) patch("name", "meta.name-changed", `Name changed from "${old.name}" to "${next.name}".`);
  if (old.owner !== next.owner) patch("owner", "meta.owner-changed", `Owner changed from ${old.owner} to ${next.owner}.`);
  if ((old.description ?? "") !== (next.description ?? "")) patch("description", "meta.description-changed", "Description changed.");
  if ((old.product ?? "") !== (next.product ?? "")) patch("product", "meta.product-changed", `Product changed from ${old.product ?? "(none)"} to ${next.product ?? "(none)"}.`);
  const [s0, s1] = [(old.support ?? []).map(channelKey).sort(), (next.support ?? []).map(channelKey).sort()];
  if (s0.join("\n") !== s1.join("\n")) patch("support", "meta.support-changed", "Support channels changed.");
  if (old.semantics.summary !== next.semantics.summary) patch("semantics.summary", "semantics.summary-changed", "Business summary changed.");
  const keys = [...new Set([...Object.keys(old.semantics.fields), ...Object.keys(next.semantics.fields)])].sort();
  for (const key of keys) {
    if ((old.semantics.fields[key] ?? "") !== (next.semantics.fields[key] ?? "")) {
      patch(`semantics.fields.${key}`, "semantics.meaning-changed", `Business meaning of \`${key}\` changed.`);
    }
  }
  for (const rule of next.semantics.rules.filter((r) => !old.semantics.rules.includes(r))) {
    patch("semantics.rules", "semantics.rule-added", `Rule added: "${rule}".`);
  }
  for (const rule of old.semantics.rules.filter((r) => !next.semantics.rules.includes(r))) {
    patch("semantics.rules", "semantics.rule-removed", `Rule removed: "${rule}".`);
  }
  return changes;
}
