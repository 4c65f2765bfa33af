import { cn } from "./cn";

export type Column = string | { label: string; hidden?: boolean };

/** The row style every data table uses. */
export const TABLE_ROW = "border-b border-zinc-100 align-top last:border-0 dark:border-zinc-800";

/**
 * A data table: a caption for screen readers, column headers, horizontal scrolling on small
 * screens (focusable, so keyboard users can scroll it). `boxed` draws its own frame; without it
 * the table sits inside a Card. Rows (`<tr className={TABLE_ROW}>`) are the children.
 */
export function DataTable({
  caption,
  columns,
  minWidth,
  boxed = true,
  children,
}: {
  caption: React.ReactNode;
  columns: Column[];
  /** Below this width the table scrolls instead of squeezing, e.g. 720. */
  minWidth?: number;
  boxed?: boolean;
  children: React.ReactNode;
}) {
  const cell = boxed ? "p-3" : "py-2 pr-3";
  return (
    <div
      tabIndex={0}
      role="region"
      aria-label={typeof caption === "string" ? caption : undefined}
      className={cn("overflow-x-auto", boxed && "rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900")}
    >
      <table className="w-full text-sm" style={minWidth ? { minWidth } : undefined}>
        <caption className="sr-only">{caption}</caption>
        <thead className="text-left text-xs uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            {columns.map((c, i) => {
              const col = typeof c === "string" ? { label: c } : c;
              return (
                <th key={i} scope="col" className={cell}>
                  {col.hidden ? <span className="sr-only">{col.label}</span> : col.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
