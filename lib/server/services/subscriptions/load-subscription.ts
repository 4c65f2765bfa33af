import "server-only";
import type { Tx } from "../../db/client";
import { NotFoundError } from "../../errors";

/** A subscription with the two teams that may act on it (consumer and product owner). */
export async function loadSubscription(tx: Tx, id: string) {
  const sub = await tx.subscription.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      pinRange: true,
      purpose: true,
      consumerTeamId: true,
      consumingProductId: true,
      dependencyKind: true,
      resolvedVersionId: true,
      consumerTeam: { select: { slug: true, name: true } },
      product: { select: { id: true, key: true, teamId: true, name: true } },
    },
  });
  if (!sub) throw new NotFoundError("Subscription");
  return sub;
}
