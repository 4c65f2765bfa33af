import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { MarkdownNotes } from "./markdown-notes";

const fmt = (d: Date) => d.toISOString().slice(0, 10);

export interface NoticeView {
  id: string;
  targetRange: string | null;
  reason: string;
  announcedAt: Date;
  sunsetAt: Date;
  status: "ACTIVE" | "WITHDRAWN" | "COMPLETED";
  replacementRange: string | null;
  replacementProduct: { key: string; name: string } | null;
  migrationNotes: string;
  overrideReason: string | null;
}

/** One notice: target, dates, days left, replacement and the (safely rendered) migration notes. */
export function NoticeCard({ notice: n, productKey, now, children }: { notice: NoticeView; productKey: string; now: Date; children?: React.ReactNode }) {
  const left = Math.ceil((n.sunsetAt.getTime() - now.getTime()) / 864e5);
  const replacement = n.replacementProduct || n.replacementRange ? `${n.replacementProduct?.key ?? productKey} ${n.replacementRange ?? ""}`.trim() : null;
  return (
    <article id={`notice-${n.id}`} aria-labelledby={`notice-${n.id}-title`} className="space-y-2 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={`notice-${n.id}-title`} className="font-semibold">
          Retiring <span className="font-mono">{n.targetRange ?? "the whole product"}</span>
        </h3>
        {n.status === "ACTIVE" ? <Badge tone={left <= 30 ? "red" : "amber"}>{left > 0 ? `${left} days to sunset` : "sunset reached"}</Badge> : <Badge>{n.status.toLowerCase()}</Badge>}
        {n.overrideReason ? <Badge tone="red" title={n.overrideReason}>short window (admin override)</Badge> : null}
      </div>
      <p className="text-sm">{n.reason}</p>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        <div><dt className="text-xs text-zinc-600 dark:text-zinc-400">Announced</dt><dd>{fmt(n.announcedAt)}</dd></div>
        <div><dt className="text-xs text-zinc-600 dark:text-zinc-400">Sunset</dt><dd data-testid="sunset-date">{fmt(n.sunsetAt)}</dd></div>
        <div className="col-span-2"><dt className="text-xs text-zinc-600 dark:text-zinc-400">Replacement</dt><dd>{replacement ? (n.replacementProduct ? <Link className="underline" href={`/products/${n.replacementProduct.key}`}>{replacement}</Link> : <span className="font-mono">{replacement}</span>) : "none named"}</dd></div>
      </dl>
      {n.overrideReason ? <p className="text-xs text-zinc-700 dark:text-zinc-300">Override reason: {n.overrideReason}</p> : null}
      {n.migrationNotes.trim() ? (
        <details className="rounded-lg bg-zinc-50 p-3 dark:bg-zinc-950" open>
          <summary className="cursor-pointer text-sm font-medium">Migration notes</summary>
          <div className="mt-2"><MarkdownNotes source={n.migrationNotes} /></div>
        </details>
      ) : null}
      {children}
    </article>
  );
}
