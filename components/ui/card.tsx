import { cn } from "./cn";

export function Card({ className, children, as: As = "section", ...rest }: { className?: string; children: React.ReactNode; as?: "section" | "div" | "article" | "li" } & React.HTMLAttributes<HTMLElement>) {
  return (
    <As className={cn("rounded-xl border border-zinc-200 bg-white p-4 shadow-xs dark:border-zinc-800 dark:bg-zinc-900", className)} {...rest}>
      {children}
    </As>
  );
}

export function SectionTitle({ children, id, action }: { children: React.ReactNode; id?: string; action?: React.ReactNode }) {
  return (
    <div className="mb-3 flex items-center justify-between gap-2">
      <h2 id={id} className="text-base font-semibold tracking-tight">
        {children}
      </h2>
      {action}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-zinc-300 p-8 text-center dark:border-zinc-700">
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{children}</div> : null}
    </div>
  );
}
