import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUserCtx } from "@/lib/server/auth/session";
import { getSubscribeOptions } from "@/lib/server/services/subscriptions/get-subscribe-options";
import { NotFoundError } from "@/lib/server/errors";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/card";
import { TierBadge } from "@/components/catalog/tier-badge";
import { SubscribeForm } from "@/components/subscriptions/subscribe-form";
import { createSubscriptionAction } from "../../../subscriptions/actions";

export const metadata: Metadata = { title: "Subscribe" };

export default async function SubscribePage({ params }: { params: Promise<{ key: string }> }) {
  const key = decodeURIComponent((await params).key);
  const ctx = await requireUserCtx();
  let opts;
  try {
    opts = await getSubscribeOptions(ctx, key);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const { product, teams } = opts;
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <div>
        <p className="text-sm"><Link href={`/products/${product.key}`} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">{product.name}</Link> /</p>
        <h1 className="flex items-center gap-2 text-2xl font-semibold tracking-tight">Subscribe to {product.name} <TierBadge tier={product.tier} /></h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Current version <span className="font-mono">{product.currentVersion?.version ?? "none"}</span>, owned by {product.team.name}.
        </p>
      </div>
      {product.lifecycleStatus === "RETIRED" ? (
        <EmptyState title="This product is retired">Nothing can subscribe to it any more.</EmptyState>
      ) : !product.defaultPin ? (
        <EmptyState title="No contract published yet">Subscriptions pin a contract version: wait for the owner to publish one.</EmptyState>
      ) : teams.length === 0 ? (
        <EmptyState title="You are not in a team">Subscriptions belong to teams. <Link className="underline" href="/teams">Create or join a team</Link> first.</EmptyState>
      ) : (
        <Card>
          <SubscribeForm productKey={product.key} defaultPin={product.defaultPin} tier={product.tier} teams={teams} action={createSubscriptionAction} />
        </Card>
      )}
    </div>
  );
}
