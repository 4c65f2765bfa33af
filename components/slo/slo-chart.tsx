import { formatObjectiveValue, isUpperBound, type Objective } from "@/lib/domain/slo/objective";

type Point = { at: Date; value: number; met: boolean };
const W = 720;
const H = 200;
const PAD = { l: 56, r: 12, t: 12, b: 28 };

/**
 * SLO history as a server-rendered SVG: the measured values, the objective as a dashed target
 * line, and breaches as red markers; with a data table alternative for screen readers.
 */
export function SloChart({ objective, threshold, points, from, to }: { objective: Objective; threshold: number; points: Point[]; from: Date; to: Date }) {
  const upper = isUpperBound(objective);
  const values = points.map((p) => p.value);
  const lo = upper ? 0 : Math.max(0, Math.min(threshold - 1, ...values) - 0.5);
  const hi = upper ? Math.max(threshold * 1.5, ...values) : 100;
  const x = (d: Date) => PAD.l + ((d.getTime() - from.getTime()) / Math.max(1, to.getTime() - from.getTime())) * (W - PAD.l - PAD.r);
  const y = (v: number) => PAD.t + (1 - (Math.min(hi, Math.max(lo, v)) - lo) / Math.max(1e-9, hi - lo)) * (H - PAD.t - PAD.b);
  const breaches = points.filter((p) => !p.met);
  const line = points.map((p) => `${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  const days = Math.round((to.getTime() - from.getTime()) / 86_400_000);
  const label = `${objective.toLowerCase()} over the last ${days} days: ${points.length} measurements, ${breaches.length} breaches of the objective ${formatObjectiveValue(objective, threshold)}`;
  const ticks = [lo, (lo + hi) / 2, hi];
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="h-auto w-full text-zinc-700 dark:text-zinc-300">
        <rect x={PAD.l} y={PAD.t} width={W - PAD.l - PAD.r} height={H - PAD.t - PAD.b} fill="none" stroke="currentColor" strokeOpacity={0.2} />
        {ticks.map((t) => (
          <text key={t} x={PAD.l - 6} y={y(t) + 4} textAnchor="end" fontSize={11} fill="currentColor">{Math.round(t * 10) / 10}</text>
        ))}
        <text x={PAD.l} y={H - 8} fontSize={11} fill="currentColor">{from.toISOString().slice(0, 10)}</text>
        <text x={W - PAD.r} y={H - 8} fontSize={11} textAnchor="end" fill="currentColor">{to.toISOString().slice(0, 10)}</text>
        <line x1={PAD.l} x2={W - PAD.r} y1={y(threshold)} y2={y(threshold)} stroke="#4338ca" strokeDasharray="6 4" strokeWidth={1.5} />
        {points.length > 1 ? <polyline points={line} fill="none" stroke="currentColor" strokeWidth={1.25} /> : null}
        {/* On the failing side of the line (above a maximum, below a minimum), where met values are
            not, and over a halo of the page colour, so it stays legible where values cross it. */}
        <text x={W - PAD.r - 4} y={upper ? y(threshold) - 5 : y(threshold) + 14} textAnchor="end" fontSize={11} paintOrder="stroke" strokeWidth={4} strokeLinejoin="round" className="fill-indigo-700 stroke-white dark:fill-indigo-300 dark:stroke-zinc-900">objective {formatObjectiveValue(objective, threshold)}</text>
        {breaches.slice(-400).map((p) => (
          <circle key={p.at.getTime()} cx={x(p.at)} cy={y(p.value)} r={3.5} fill="#b91c1c" data-breach="true" />
        ))}
      </svg>
      <figcaption className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        <span className="mr-3"><span aria-hidden className="mr-1 inline-block h-0.5 w-4 bg-indigo-700 align-middle" />objective</span>
        <span><span aria-hidden className="mr-1 inline-block h-2 w-2 rounded-full bg-red-700 align-middle" />breach ({breaches.length})</span>
      </figcaption>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer">Data table ({Math.min(points.length, 50)} latest of {points.length})</summary>
        <table className="mt-2 w-full text-left text-xs">
          <caption className="sr-only">{label}</caption>
          <thead><tr><th scope="col">Observed at (UTC)</th><th scope="col">Value</th><th scope="col">Met</th></tr></thead>
          <tbody>
            {points.slice(-50).reverse().map((p) => (
              <tr key={p.at.getTime()}><td>{p.at.toISOString().replace("T", " ").slice(0, 16)}</td><td>{formatObjectiveValue(objective, p.value)}</td><td>{p.met ? "yes" : "breach"}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
