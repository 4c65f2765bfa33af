import "server-only";
import type { Tx } from "../../db/client";
import { resolvePin } from "@/lib/domain/versions/resolve";
import { parsePin } from "@/lib/domain/versions/pin";
import { PolicyViolation, ValidationError } from "../../errors";

export const OPEN_STATUSES = ["PENDING", "ACTIVE", "BROKEN"] as const;

/** Normalised pin, or a validation error with the parser's message. */
export function parsePinOrThrow(raw: string): string {
  const r = parsePin(raw);
  if (!r.ok) throw new ValidationError(r.message, [{ path: ["pinRange"], message: r.message }]);
  return r.pin.range;
}

/** The product's versions, newest first, for resolution. */
export function loadVersions(tx: Tx, productId: string) {
  return tx.contractVersion.findMany({
    where: { productId },
    select: { id: true, version: true, status: true },
    orderBy: [{ major: "desc" }, { minor: "desc" }, { patch: "desc" }],
  });
}

/** The version a pin resolves to, or a rule violation naming the newest version there is. */
export async function resolveOrRefuse(tx: Tx, product: { id: string; key: string }, pin: string) {
  const versions = await loadVersions(tx, product.id);
  const resolved = resolvePin(pin, versions);
  if (!resolved) {
    const newest = versions.find((v) => v.status !== "RETIRED");
    throw new PolicyViolation([
      {
        rule: "subscription.pin-resolves",
        path: "pinRange",
        message: `The pin ${pin} matches no published, unretired version of ${product.key}${newest ? `; the newest is ${newest.version}` : ""}.`,
      },
    ]);
  }
  return resolved;
}

/** Keeps the cached subscriber count (used for ranking and cards) exact, inside the transaction. */
export async function recountSubscribers(tx: Tx, productId: string): Promise<void> {
  const n = await tx.subscription.count({ where: { productId, status: { in: ["ACTIVE", "BROKEN"] } } });
  await tx.dataProduct.update({ where: { id: productId }, data: { activeSubscriberCount: n } });
}
