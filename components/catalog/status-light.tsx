import { cn } from "../ui/cn";

const DOT = { GREEN: "bg-emerald-500", AMBER: "bg-amber-500", RED: "bg-red-600", UNKNOWN: "bg-zinc-400" } as const;
const TEXT = { GREEN: "SLOs met", AMBER: "Budget running low", RED: "SLO breached", UNKNOWN: "No recent measurements" } as const;
/** The same states said of one objective. */
const OBJECTIVE_TEXT = { GREEN: "Met", AMBER: "Budget low", RED: "Breached", UNKNOWN: "No data" } as const;

/** SLO status as a coloured dot with a text label (colour is never the only signal). */
export function StatusLight({ status, atRisk, compact, objective }: { status: keyof typeof DOT; atRisk?: boolean; compact?: boolean; objective?: boolean }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap text-xs text-zinc-700 dark:text-zinc-300">
      <span aria-hidden className={cn("inline-block h-2.5 w-2.5 shrink-0 rounded-full", DOT[status])} />
      <span className={compact ? "sr-only" : undefined}>{(objective ? OBJECTIVE_TEXT : TEXT)[status]}</span>
      {atRisk ? <span className="font-medium text-red-700 dark:text-red-400">· at risk (upstream)</span> : null}
    </span>
  );
}
