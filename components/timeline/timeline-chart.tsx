import { monthTicks, xOf, type Scale } from "@/lib/domain/deprecations/timeline";

export type SegmentKind = "published" | "deprecated" | "retired";
export interface TimelineRow {
  id: string;
  label: string;
  href?: string;
  segments: { from: Date; to: Date; kind: SegmentKind }[];
  markers: { at: Date; label: string }[];
  /** One sentence for the accessible table. */
  summary: string;
}

const FILL: Record<SegmentKind, string> = {
  published: "fill-emerald-600 dark:fill-emerald-500",
  deprecated: "fill-amber-500 dark:fill-amber-400",
  retired: "fill-zinc-400 dark:fill-zinc-600",
};
const LABEL_W = 150;
const W = 760;
const ROW_H = 34;
const fmt = (d: Date) => d.toISOString().slice(0, 10);
const month = (d: Date) => d.toLocaleDateString("en", { month: "short", year: "2-digit", timeZone: "UTC" });

/**
 * A server-rendered SVG timeline: one row per lane, coloured segments, diamond markers and a
 * "today" line. role="img" with a summary label; the same data is in a visually hidden table.
 */
export function TimelineChart({ title, rows, scale, now, caption }: { title: string; rows: TimelineRow[]; scale: Scale; now: Date; caption?: string }) {
  const plotW = W - LABEL_W - 10;
  const x = (d: Date) => LABEL_W + xOf(d, scale, plotW);
  const height = 28 + rows.length * ROW_H + 8;
  const todayX = x(now);
  return (
    <figure className="space-y-2">
      <div className="overflow-x-auto">
        <svg role="img" aria-label={`${title}: ${rows.length} lane${rows.length === 1 ? "" : "s"} from ${fmt(scale.start)} to ${fmt(scale.end)}, today is ${fmt(now)}. The table below has the same data.`} viewBox={`0 0 ${W} ${height}`} className="w-full min-w-[600px] text-zinc-700 dark:text-zinc-300">
          {monthTicks(scale, 12).map((t) => (
            <g key={t.toISOString()}>
              <line x1={x(t)} x2={x(t)} y1={18} y2={height - 4} className="stroke-zinc-200 dark:stroke-zinc-800" strokeWidth={1} />
              <text x={x(t) + 2} y={12} fontSize={10} className="fill-current">{month(t)}</text>
            </g>
          ))}
          {rows.map((r, i) => {
            const y = 28 + i * ROW_H;
            return (
              <g key={r.id}>
                <text x={0} y={y + 15} fontSize={12} className="fill-current font-medium">{r.label.length > 22 ? `${r.label.slice(0, 21)}…` : r.label}</text>
                {r.segments.map((s, j) => (
                  <rect key={j} x={x(s.from)} y={y + 4} width={Math.max(2, x(s.to) - x(s.from))} height={16} rx={3} className={FILL[s.kind]} />
                ))}
                {r.markers.map((m, j) => (
                  <g key={`m${j}`} transform={`translate(${x(m.at)} ${y + 12})`}>
                    <path d="M0 -8 L6 0 L0 8 L-6 0 Z" className="fill-red-700 stroke-white dark:fill-red-400 dark:stroke-zinc-900" strokeWidth={1.5}>
                      <title>{m.label}</title>
                    </path>
                  </g>
                ))}
              </g>
            );
          })}
          <line x1={todayX} x2={todayX} y1={16} y2={height - 2} className="stroke-indigo-700 dark:stroke-indigo-300" strokeWidth={2} strokeDasharray="4 3" />
          <text x={Math.min(todayX + 3, W - 34)} y={height - 4} fontSize={10} className="fill-indigo-700 font-semibold dark:fill-indigo-300">today</text>
        </svg>
      </div>
      <figcaption className="flex flex-wrap gap-3 text-xs text-zinc-700 dark:text-zinc-300">
        <span className="flex items-center gap-1"><span aria-hidden className="inline-block h-3 w-4 rounded-sm bg-emerald-600" /> published</span>
        <span className="flex items-center gap-1"><span aria-hidden className="inline-block h-3 w-4 rounded-sm bg-amber-500" /> deprecated</span>
        <span className="flex items-center gap-1"><span aria-hidden className="inline-block h-3 w-4 rounded-sm bg-zinc-400" /> retired</span>
        <span className="flex items-center gap-1"><span aria-hidden className="text-red-700 dark:text-red-400">◆</span> sunset</span>
        <span className="flex items-center gap-1"><span aria-hidden className="inline-block h-0 w-4 border-t-2 border-dashed border-indigo-700" /> today ({fmt(now)})</span>
        {caption ? <span>{caption}</span> : null}
      </figcaption>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Lane</th>
            <th scope="col">Timeline</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.label}</th>
              <td>{r.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
