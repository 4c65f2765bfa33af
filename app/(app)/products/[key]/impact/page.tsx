import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUserCtx } from "@/lib/server/auth/session";
import { getImpact } from "@/lib/server/services/topology/get-impact";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { Card, SectionTitle, EmptyState } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { SloStatusBadge } from "@/components/slo/status-badge";
import { ReliabilityNav } from "@/components/slo/product-crumbs";

export const metadata: Metadata = { title: "Impact" };

const PAGE = 200;

function Path({ path, kinds }: { path: string[]; kinds?: string[] }) {
  return (
    <span className="font-mono text-xs">
      {path.map((k, i) => (
        <span key={i}>{i > 0 ? <span className="text-zinc-600 dark:text-zinc-400"> →{kinds?.[i - 1] ? <sub>{kinds[i - 1]!.toLowerCase()}</sub> : null} </span> : null}{k}</span>
      ))}
    </span>
  );
}

export default async function ImpactPage({ params, searchParams }: { params: Promise<{ key: string }>; searchParams: Promise<{ cursor?: string | string[] }> }) {
  const key = decodeURIComponent((await params).key);
  const cursor = (await searchParams).cursor;
  const ctx = await requireUserCtx();
  let data;
  try {
    data = await getImpact(ctx, key, { limit: PAGE, cursor: typeof cursor === "string" ? cursor : undefined });
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    if (e instanceof ValidationError) data = await getImpact(ctx, key, { limit: PAGE });
    else throw e;
  }
  const { product, products, teams, totals, byTeam, nextCursor } = data;
  const here = `/products/${encodeURIComponent(product.key)}/impact`;
  const red = product.sloStatus === "RED";
  return (
    <div className="space-y-5">
      <ReliabilityNav productKey={product.key} productName={product.name} current="impact" />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Impact analysis</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
          Who is hurt if <span className="font-mono">{product.key}</span> breaks <SloStatusBadge status={product.sloStatus} />
        </p>
        <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{totals.products} downstream product{totals.products === 1 ? "" : "s"} ({totals.hardOnly} through HARD edges only{totals.red ? `, ${totals.red} RED` : ""}{totals.atRisk ? `, ${totals.atRisk} at risk` : ""}), {totals.teams} subscribing team{totals.teams === 1 ? "" : "s"}.</p>
      </div>

      <Card aria-labelledby="teams-title" className={red ? "border-red-300 dark:border-red-800" : undefined}>
        <SectionTitle id="teams-title">{red ? "Who to tell now" : "Subscribing teams"}</SectionTitle>
        {teams.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">No team subscribes to this product or anything downstream.</p> : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Teams subscribed to this product or to a product downstream of it</caption>
            <thead><tr className="border-b border-zinc-200 dark:border-zinc-700"><th scope="col" className="py-1">Team</th><th scope="col">Contact</th><th scope="col">Through</th></tr></thead>
            <tbody>
              {teams.map((t) => (
                <tr key={t.slug} className="border-b border-zinc-100 align-top dark:border-zinc-800">
                  <td className="py-1.5"><Link href={`/teams/${t.slug}`} className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300">{t.name}</Link></td>
                  <td>{[t.onCallHandle, t.contactChannel].filter(Boolean).join(" · ") || "–"}</td>
                  <td><Path path={t.path} />{t.viaCount > 1 ? <span className="text-xs text-zinc-600 dark:text-zinc-400"> (+{t.viaCount - 1} more)</span> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>

      {byTeam.length > 1 ? (
        <Card aria-labelledby="owners-title">
          <SectionTitle id="owners-title">Downstream products per owner team</SectionTitle>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">How many downstream products each team owns</caption>
            <thead><tr className="border-b border-zinc-200 dark:border-zinc-700"><th scope="col" className="py-1">Owner team</th><th scope="col">Products</th><th scope="col">Through HARD edges only</th></tr></thead>
            <tbody>
              {byTeam.slice(0, 50).map((t) => (
                <tr key={t.team} className="border-b border-zinc-100 dark:border-zinc-800">
                  <td className="py-1"><Link href={`/teams/${t.team}`} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">{t.name}</Link></td>
                  <td>{t.products}</td>
                  <td>{t.hardOnly}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {byTeam.length > 50 ? <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">and {byTeam.length - 50} more teams</p> : null}
        </Card>
      ) : null}

      <Card aria-labelledby="products-title">
        <SectionTitle id="products-title">Downstream products</SectionTitle>
        {products.length === 0 ? <EmptyState title="Nothing downstream">No product depends on this one.</EmptyState> : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Every product downstream, transitively, with the path from this product</caption>
            <thead><tr className="border-b border-zinc-200 dark:border-zinc-700"><th scope="col" className="py-1">Product</th><th scope="col">Status</th><th scope="col">Owner</th><th scope="col">Path</th></tr></thead>
            <tbody>
              {products.map((p) => (
                <tr key={p.key} className="border-b border-zinc-100 align-top dark:border-zinc-800">
                  <td className="py-1.5"><Link href={`/products/${encodeURIComponent(p.key)}`} className="font-mono text-indigo-700 underline underline-offset-2 dark:text-indigo-300">{p.key}</Link> <Badge tone={p.tier === "GOLD" ? "gold" : p.tier === "SILVER" ? "silver" : "bronze"}>{p.tier}</Badge></td>
                  <td><SloStatusBadge status={p.sloStatus} atRisk={p.atRisk} /></td>
                  <td>{p.team}</td>
                  <td><Path path={p.path} kinds={p.kinds} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {cursor || nextCursor ? (
          <nav aria-label="Pages of downstream products" className="mt-3 flex gap-4 text-sm">
            {cursor ? <Link href={here} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">First page</Link> : null}
            {nextCursor ? <Link href={`${here}?cursor=${nextCursor}`} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">Next {PAGE} products</Link> : null}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
