import Link from "next/link";
import { cn } from "../ui/cn";

export type TeamTab = "members" | "tokens" | "audit";

/** Tabs as links: the tab lives in the URL (shareable, back button works). */
export function TeamTabs({ slug, current, tabs }: { slug: string; current: TeamTab; tabs: { id: TeamTab; label: string }[] }) {
  return (
    <nav aria-label="Team sections" className="border-b border-zinc-200 dark:border-zinc-800">
      <ul className="flex gap-1">
        {tabs.map((t) => (
          <li key={t.id}>
            <Link
              href={t.id === "members" ? `/teams/${slug}` : `/teams/${slug}?tab=${t.id}`}
              aria-current={t.id === current ? "page" : undefined}
              className={cn(
                "-mb-px block border-b-2 px-3 py-2 text-sm font-medium",
                t.id === current ? "border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300" : "border-transparent text-zinc-700 hover:border-zinc-300 dark:text-zinc-300",
              )}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
