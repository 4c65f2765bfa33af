import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUserCtx } from "@/lib/server/auth/session";
import { can } from "@/lib/server/auth/guard";
import { buttonClass } from "@/components/ui/button";
import { getDomain } from "@/lib/server/services/catalog/get-domain";
import { NotFoundError } from "@/lib/server/errors";
import { StatusLight } from "@/components/catalog/status-light";
import { Card, SectionTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Domain ${(await params).slug}` };
}

async function load(slug: string) {
  try {
    return await getDomain(slug);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}

const TIERS = ["BRONZE", "SILVER", "GOLD"] as const;
const TIER_HEAD = { BRONZE: "Bronze · raw", SILVER: "Silver · conformed", GOLD: "Gold · decision-grade" };

export default async function DomainPage({ params }: Params) {
  const { slug } = await params;
  const ctx = await requireUserCtx();
  const d = await load(slug);
  const canCreate = can(ctx, "product.create", { teamId: d.team.id });
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm"><Link href="/domains" className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">Domains</Link> /</p>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-2xl font-semibold tracking-tight">{d.name}</h1>
          {canCreate ? <Link href={`/products/new?domain=${d.slug}`} className={buttonClass("primary")}>New product</Link> : null}
        </div>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Owned by {d.team.name}
          {d.team.onCallHandle ? ` · on call ${d.team.onCallHandle}` : ""}
          {d.team.contactChannel ? ` · ${d.team.contactChannel}` : ""}
        </p>
        {d.description ? <p className="mt-2 max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">{d.description}</p> : null}
      </div>
      <Card>
        <SectionTitle id="grid-title">Topics by tier</SectionTitle>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[640px] border-separate border-spacing-2 text-sm" aria-labelledby="grid-title">
            <thead>
              <tr>
                <th scope="col" className="w-48 text-left text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Topic</th>
                {TIERS.map((t) => (
                  <th key={t} scope="col" className="text-left text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{TIER_HEAD[t]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.grid.map((row) => (
                <tr key={row.topic}>
                  <th scope="row" className="text-left align-top font-mono text-sm font-medium">{row.topic}</th>
                  {TIERS.map((t) => {
                    const p = row[t];
                    return (
                      <td key={t} className="align-top">
                        {p ? (
                          <Link href={`/products/${p.key}`} className="block rounded-lg border border-zinc-200 p-2.5 hover:border-indigo-400 dark:border-zinc-700 dark:hover:border-indigo-600">
                            <span className="block font-medium">{p.name}</span>
                            <span className="mt-1 flex flex-wrap items-center gap-2 text-xs">
                              <span className="font-mono">{p.currentVersion?.version ?? "no contract"}</span>
                              <StatusLight status={p.sloStatus} atRisk={p.atRisk} compact />
                              {p.lifecycleStatus !== "ACTIVE" ? <Badge tone={p.lifecycleStatus === "RETIRED" ? "red" : "amber"}>{p.lifecycleStatus.toLowerCase()}</Badge> : null}
                              <span className="text-zinc-600 dark:text-zinc-400">{p.activeSubscriberCount} subscribers</span>
                            </span>
                          </Link>
                        ) : (
                          <span className="block rounded-lg border border-dashed border-zinc-200 p-2.5 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">not offered</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      {d.glossary.length ? (
        <Card>
          <SectionTitle>What our words mean</SectionTitle>
          <dl className="grid gap-3 sm:grid-cols-2">
            {d.glossary.map((g) => (
              <div key={g.term}>
                <dt className="font-medium">{g.term}</dt>
                <dd className="text-sm text-zinc-700 dark:text-zinc-300">{g.meaning}</dd>
              </div>
            ))}
          </dl>
        </Card>
      ) : null}
    </div>
  );
}
