import type { VersionComparison } from "@/lib/server/services/contracts/compare-contract-versions";
import { Card, SectionTitle } from "../ui/card";
import { ChangeList } from "./change-list";
import { ChangeClassBadge } from "./class-badge";
import { cn } from "../ui/cn";

const ROW = {
  same: ["", ""],
  changed: ["bg-amber-50 dark:bg-amber-950/60", "bg-amber-50 dark:bg-amber-950/60"],
  removed: ["bg-red-50 dark:bg-red-950/60", ""],
  added: ["", "bg-emerald-50 dark:bg-emerald-950/60"],
} as const;
const MARK = { same: ["", ""], changed: ["~", "~"], removed: ["−", ""], added: ["", "+"] } as const;

/** Two versions side by side: the classified changes, then both documents line by line. */
export function VersionCompare({ cmp }: { cmp: VersionComparison }) {
  return (
    <Card aria-labelledby="compare-title">
      <SectionTitle id="compare-title" action={<span className="flex items-center gap-1 text-xs text-zinc-700 dark:text-zinc-300">requires <ChangeClassBadge value={cmp.required} /></span>}>
        {cmp.from} → {cmp.to}
      </SectionTitle>
      <ChangeList changes={cmp.changes} label={`Changes from ${cmp.from} to ${cmp.to}`} />
      <div className="mt-4 overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800" tabIndex={0} role="region" aria-label="Both documents, line by line">
        <table className="w-full border-collapse font-mono text-xs" aria-label={`${cmp.from} and ${cmp.to} side by side`}>
          <thead className="bg-zinc-50 text-left text-zinc-700 dark:bg-zinc-900 dark:text-zinc-300">
            <tr>
              <th scope="col" colSpan={3} className="w-1/2 px-2 py-1.5 font-sans font-semibold">{cmp.from}</th>
              <th scope="col" colSpan={3} className="w-1/2 border-l border-zinc-200 px-2 py-1.5 font-sans font-semibold dark:border-zinc-800">{cmp.to}</th>
            </tr>
          </thead>
          <tbody>
            {cmp.rows.map((r, i) => (
              <tr key={i} className="align-top">
                <td className={cn("w-8 select-none px-1 text-right text-zinc-700 dark:text-zinc-300", ROW[r.kind][0])}>{r.left?.n ?? ""}</td>
                <td aria-hidden className={cn("w-3 select-none text-center text-red-700 dark:text-red-400", ROW[r.kind][0])}>{MARK[r.kind][0]}</td>
                <td className={cn("whitespace-pre-wrap break-all pr-2", ROW[r.kind][0])}>
                  {r.kind === "removed" || r.kind === "changed" ? <span className="sr-only">removed: </span> : null}
                  {r.left?.text ?? ""}
                </td>
                <td className={cn("w-8 select-none border-l border-zinc-200 px-1 text-right text-zinc-700 dark:border-zinc-800 dark:text-zinc-300", ROW[r.kind][1])}>{r.right?.n ?? ""}</td>
                <td aria-hidden className={cn("w-3 select-none text-center text-emerald-700 dark:text-emerald-400", ROW[r.kind][1])}>{MARK[r.kind][1]}</td>
                <td className={cn("whitespace-pre-wrap break-all pr-2", ROW[r.kind][1])}>
                  {r.kind === "added" || r.kind === "changed" ? <span className="sr-only">added: </span> : null}
                  {r.right?.text ?? ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
