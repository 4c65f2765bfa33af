import type { Metadata } from "next";
import Link from "next/link";
import { requireUserCtx } from "@/lib/server/auth/session";
import { listWritableDomains } from "@/lib/server/services/products/list-writable-domains";
import { Card, EmptyState } from "@/components/ui/card";
import { CreateProductForm } from "@/components/catalog/create-product-form";
import { createProductAction } from "../actions";

export const metadata: Metadata = { title: "New data product" };

export default async function NewProductPage({ searchParams }: { searchParams: Promise<{ domain?: string }> }) {
  const { domain } = await searchParams;
  const ctx = await requireUserCtx();
  const domains = await listWritableDomains(ctx);
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">New data product</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">A product is one topic at one tier of a domain your team owns. It stays a draft until its first contract is published.</p>
      </div>
      {domains.length === 0 ? (
        <EmptyState title="Your teams own no domain">Products live in a domain owned by your team. Ask a platform admin to create one, or <Link className="underline" href="/teams">check your teams</Link>.</EmptyState>
      ) : (
        <Card><CreateProductForm domains={domains} defaultDomain={domain} action={createProductAction} /></Card>
      )}
    </div>
  );
}
