import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/server/auth/session";
import { getProduct } from "@/lib/server/services/catalog/get-product";
import { NotFoundError } from "@/lib/server/errors";
import { TierBadge, ClassBadge } from "@/components/catalog/tier-badge";
import { StatusLight } from "@/components/catalog/status-light";
import { Badge } from "@/components/ui/badge";
import { ContractView } from "@/components/product/contract-view";
import { OwnerPanel, SloPanel, DependencyPanel, SubscribersPanel, VersionHistory, FamilyTabs, fmtDate } from "@/components/product/side-panels";
import { ProductTabs, type ProductTab } from "@/components/product/product-tabs";
import { MarkdownNotes } from "@/components/timeline/markdown-notes";
import { buttonClass } from "@/components/ui/button";
import { VersionsTab } from "@/components/contracts/versions-tab";
import { PublishTab } from "@/components/contracts/publish-tab";
import { makeCtx } from "@/lib/server/auth/context";
import { can } from "@/lib/server/auth/guard";
import { listContractVersions } from "@/lib/server/services/contracts/list-contract-versions";
import { compareContractVersions } from "@/lib/server/services/contracts/compare-contract-versions";

type Params = { params: Promise<{ key: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** The versions tab: history, and the comparison the URL asks for (from/to). */
async function versionsTab(key: string, sp: Record<string, string | string[] | undefined>) {
  const versions = await listContractVersions(key);
  const [from, to] = [one(sp.from), one(sp.to)];
  let compare = null;
  let compareError: string | null = null;
  if (from && to) {
    try {
      compare = await compareContractVersions(key, from, to);
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
      compareError = e.message;
    }
  }
  return <VersionsTab productKey={key} versions={versions} compare={compare} compareError={compareError} from={from} to={to} published={one(sp.published)} />;
}

async function load(key: string) {
  try {
    return await getProduct(decodeURIComponent(key));
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: decodeURIComponent((await params).key) };
}

export default async function ProductPage({ params, searchParams }: Params) {
  const { key } = await params;
  const sp = await searchParams;
  const user = await requireUser(`/products/${key}`);
  const p = await load(key);
  const now = Date.now();
  // Showing the publish tab is a convenience; the publish service authorizes every write itself.
  const canPublish = can(makeCtx(user), "contract.publish", { teamId: p.teamId });
  const canDeprecate = can(makeCtx(user), "deprecation.publish", { teamId: p.teamId });
  const requested = one(sp.tab);
  const openFlags = [...p.upstreamEdges, ...p.downstreamEdges].filter((e) => e.violation && !e.waivedAt).length;
  const tab: ProductTab = requested === "versions" || (requested === "publish" && canPublish) ? requested : "overview";
  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href={`/domains/${p.domain.slug}`} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">{p.domain.name}</Link> / <span className="font-mono">{p.topic}</span>
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight">{p.name}</h1>
          <TierBadge tier={p.tier} />
          <ClassBadge value={p.reliabilityClass} />
          {p.lifecycleStatus !== "ACTIVE" ? <Badge tone={p.lifecycleStatus === "RETIRED" ? "red" : "amber"}>{p.lifecycleStatus.toLowerCase()}</Badge> : null}
          {openFlags ? (
            <Link href={`/products/${p.key}/dependencies`} aria-label={`${openFlags} governance ${openFlags === 1 ? "flag" : "flags"} on observed dependencies`}>
              <Badge tone="red">{openFlags} governance {openFlags === 1 ? "flag" : "flags"}</Badge>
            </Link>
          ) : null}
        </div>
        <p className="font-mono text-sm text-zinc-600 dark:text-zinc-400">{p.key}{p.currentVersion ? ` · v${p.currentVersion.version}` : ""}</p>
        <StatusLight status={p.sloStatus} atRisk={p.atRisk} />
        {p.description ? <p className="max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">{p.description}</p> : null}
        {p.tags.length ? <p className="flex flex-wrap gap-1">{p.tags.map((t) => <Badge key={t}>{t}</Badge>)}</p> : null}
        <FamilyTabs p={p} />
        <div className="flex flex-wrap gap-2 pt-1">
          {p.lifecycleStatus !== "RETIRED" && p.currentVersion ? <Link href={`/products/${p.key}/subscribe`} className={buttonClass("primary")}>Subscribe</Link> : null}
          {canDeprecate ? <Link href={`/products/${p.key}/deprecate`} className={buttonClass("secondary")}>Announce a deprecation</Link> : null}
          {canDeprecate && p.notices.length ? <Link href={`/products/${p.key}/deprecations`} className={buttonClass("secondary")}>Migration progress</Link> : null}
          {p.sloStatus === "RED" || p.atRisk ? <Link href={`/products/${p.key}/impact`} className={buttonClass("secondary")}>Who to tell</Link> : null}
          <a href={`/api/v1/products/${encodeURIComponent(p.key)}?format=odps&download=1`} className={buttonClass("secondary")} download>Download ODPS</a>
        </div>
      </div>
      {p.notices.map((n) => {
        const days = Math.ceil((n.sunsetAt.getTime() - now) / 864e5);
        return (
          <div key={n.id} role="status" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
            <p className="font-semibold">
              {n.targetRange ? `Versions ${n.targetRange}` : "This product"} {days > 0 ? `retire on ${fmtDate(n.sunsetAt)} (in ${days} days)` : `retired on ${fmtDate(n.sunsetAt)}`}
            </p>
            <p className="mt-1">{n.reason}</p>
            {n.replacementProduct || n.replacementRange ? (
              <p className="mt-1">
                Move to{" "}
                {n.replacementProduct ? <Link className="font-mono underline" href={`/products/${n.replacementProduct.key}`}>{n.replacementProduct.key}</Link> : "this product"}
                {n.replacementRange ? <span className="font-mono"> {n.replacementRange}</span> : null}.
              </p>
            ) : null}
            {n.migrationNotes ? <div className="mt-2"><MarkdownNotes source={n.migrationNotes} /></div> : null}
          </div>
        );
      })}
      <ProductTabs productKey={p.key} active={tab} versions={p.versions.length} canPublish={canPublish} showAudit={can(makeCtx(user), "audit.read", { teamId: p.teamId })} />
      {tab === "versions" ? await versionsTab(p.key, sp) : null}
      {tab === "publish" ? <PublishTab p={p} /> : null}
      {tab === "overview" ? (
        <div className="grid gap-5 lg:grid-cols-[1fr_320px]">
          <div className="min-w-0 space-y-5">
            <h2 className="sr-only">Current contract</h2>
            <ContractView version={p.currentVersion} />
            <VersionHistory p={p} />
          </div>
          <aside className="space-y-5" aria-label="Product details">
            <OwnerPanel p={p} />
            <SloPanel p={p} />
            <SubscribersPanel p={p} />
            <DependencyPanel p={p} />
          </aside>
        </div>
      ) : null}
    </div>
  );
}
