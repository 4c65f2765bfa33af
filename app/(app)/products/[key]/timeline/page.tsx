import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUserCtx } from "@/lib/server/auth/session";
import { withClock } from "@/lib/server/clock";
import { NotFoundError } from "@/lib/server/errors";
import { getProductDeprecations } from "@/lib/server/services/deprecations/get-product-deprecations";
import { scaleFor } from "@/lib/domain/deprecations/timeline";
import { TimelineChart } from "@/components/timeline/timeline-chart";
import { laneRows } from "@/components/timeline/lanes";
import { NoticeCard } from "@/components/timeline/notice-card";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";

export const metadata: Metadata = { title: "Version timeline" };

export default async function ProductTimelinePage({ params }: { params: Promise<{ key: string }> }) {
  const key = decodeURIComponent((await params).key);
  const ctx = await withClock(await requireUserCtx());
  let p;
  try {
    p = await getProductDeprecations(ctx, key);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const scale = scaleFor(p.lanes.flatMap((l) => [l.publishedAt, l.deprecatedAt, l.sunsetAt]), ctx.now);
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm"><Link href={`/products/${p.key}`} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">{p.name}</Link> /</p>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">Version timeline {p.lifecycleStatus !== "ACTIVE" ? <Badge tone={p.lifecycleStatus === "RETIRED" ? "red" : "amber"}>{p.lifecycleStatus.toLowerCase()}</Badge> : null}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">One lane per major version: published, deprecated, sunset. <Link className="underline" href={`/products/${p.key}/deprecations`}>Deprecation notices{p.canPublish ? " and migration progress" : ""}</Link></p>
      </div>
      <Card>
        {p.lanes.length === 0 ? <EmptyState title="No contract versions yet" /> : <TimelineChart title={`Version timeline of ${p.key}`} rows={laneRows(p.lanes, scale.end)} scale={scale} now={ctx.now} />}
      </Card>
      <section aria-labelledby="versions-h" className="space-y-2">
        <h2 id="versions-h" className="text-base font-semibold">Versions</h2>
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-zinc-600 dark:text-zinc-400"><tr><th scope="col" className="py-1">Version</th><th scope="col">Status</th><th scope="col">Published</th><th scope="col">Deprecated</th><th scope="col">Retired</th></tr></thead>
          <tbody>
            {p.versions.map((v) => (
              <tr key={v.version} data-testid={`version-${v.version}`} className="border-t border-zinc-200 dark:border-zinc-800">
                <td className="py-1 font-mono">{v.version}</td>
                <td><Badge tone={v.status === "RETIRED" ? "red" : v.status === "DEPRECATED" ? "amber" : "green"}>{v.status}</Badge></td>
                <td>{v.publishedAt.toISOString().slice(0, 10)}</td>
                <td>{v.deprecatedAt?.toISOString().slice(0, 10) ?? "–"}</td>
                <td>{v.retiredAt?.toISOString().slice(0, 10) ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="notices-h" className="space-y-3">
        <h2 id="notices-h" className="text-base font-semibold">Notices</h2>
        {p.notices.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">No deprecation notices.</p> : p.notices.map((n) => <NoticeCard key={n.id} notice={n} productKey={p.key} now={ctx.now} />)}
      </section>
    </div>
  );
}
