import "server-only";
import semver from "semver";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { NotFoundError, ValidationError } from "../../errors";
import { diffContracts } from "@/lib/domain/contracts/diff";
import { ZContractDocument } from "@/lib/domain/contracts/document";
import { bumpRank } from "@/lib/domain/contracts/change";
import { defaultPin } from "@/lib/domain/versions/pin";
import { deprecationCovers } from "@/lib/domain/versions/subscription-state";
import { getSubscription } from "./get-subscription";

/**
 * What moving a subscription from its resolved version to `target` would change for the
 * consumer: breaking changes first, the migration notes of notices on the current version,
 * and the pin to move to.
 */
export async function getUpgradePlan(ctx: Ctx, id: string, target?: string) {
  const sub = await getSubscription(ctx, id);
  const to = target ?? sub.upgradeTargets[0];
  if (!to) return { sub, plan: null };
  if (!semver.valid(to) || !sub.upgradeTargets.includes(to)) throw new ValidationError(`${to} is not a newer, unretired version of ${sub.product.key}.`);
  const docs = await getDb().contractVersion.findMany({
    where: { product: { key: sub.product.key }, version: { in: [sub.resolved ?? "", to] } },
    select: { version: true, document: true },
  });
  const fromDoc = docs.find((d) => d.version === sub.resolved);
  const toDoc = docs.find((d) => d.version === to);
  if (!toDoc) throw new NotFoundError(`Version ${to}`);
  const diff = fromDoc ? diffContracts(ZContractDocument.parse(fromDoc.document), ZContractDocument.parse(toDoc.document)) : null;
  const changes = [...(diff?.changes ?? [])].sort((a, b) => bumpRank(b.class) - bumpRank(a.class));
  const notices = sub.resolved ? sub.product.notices.filter((n) => deprecationCovers(n, sub.resolved!)) : [];
  return {
    sub,
    plan: {
      from: sub.resolved,
      to,
      required: diff?.required ?? "MAJOR",
      breaking: changes.filter((c) => c.class === "MAJOR"),
      additive: changes.filter((c) => c.class === "MINOR"),
      editorial: changes.filter((c) => c.class === "PATCH"),
      notices: notices.map((n) => ({ id: n.id, reason: n.reason, sunsetAt: n.sunsetAt, migrationNotes: n.migrationNotes })),
      suggestedPin: defaultPin(to),
    },
  };
}
