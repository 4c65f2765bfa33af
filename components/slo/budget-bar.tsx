/** Error budget remaining as a labelled meter (0..1). */
export function BudgetBar({ remaining, label }: { remaining: number | null; label: string }) {
  if (remaining === null) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No budget yet: no measurement in the window.</p>;
  const pct = Math.round(remaining * 1000) / 10;
  const color = remaining <= 0 ? "bg-red-700" : remaining <= 0.25 ? "bg-amber-600" : "bg-emerald-700";
  return (
    <div>
      <div className="flex justify-between text-sm"><span>{label}</span><span className="font-medium">{pct}% left</span></div>
      <div role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={`${pct}% of the error budget left`} className="mt-1 h-3 w-full overflow-hidden rounded bg-zinc-200 dark:bg-zinc-700">
        <div className={`h-full ${color}`} style={{ width: `${Math.max(0, Math.min(100, pct))}%` }} />
      </div>
    </div>
  );
}
