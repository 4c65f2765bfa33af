import Link from "next/link";
import { cn } from "../ui/cn";

export type ProductTab = "overview" | "versions" | "publish";

/** The product page's sections as links (the tab is in the URL: shareable, back button works). */
/** Pages of their own, listed after the tabs. */
const PAGES = [
  { path: "subscribers", label: "Subscribers" },
  { path: "slo", label: "Service levels" },
  { path: "dependencies", label: "Dependencies" },
  { path: "impact", label: "Impact" },
  { path: "timeline", label: "Timeline" },
];

export function ProductTabs({ productKey, active, versions, canPublish, showAudit = false }: { productKey: string; active: ProductTab; versions: number; canPublish: boolean; showAudit?: boolean }) {
  const tabs: { id: ProductTab; label: string }[] = [
    { id: "overview", label: "Overview" },
    { id: "versions", label: `Versions (${versions})` },
    ...(canPublish ? [{ id: "publish" as const, label: "Publish a version" }] : []),
  ];
  return (
    <nav aria-label="Product sections" className="border-b border-zinc-200 dark:border-zinc-800">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map((t) => (
          <li key={t.id}>
            <Link
              href={t.id === "overview" ? `/products/${encodeURIComponent(productKey)}` : `/products/${encodeURIComponent(productKey)}?tab=${t.id}`}
              aria-current={t.id === active ? "page" : undefined}
              className={cn(
                "block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
                t.id === active ? "border-indigo-600 text-indigo-800 dark:border-indigo-400 dark:text-indigo-200" : "border-transparent text-zinc-700 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-zinc-100",
              )}
            >
              {t.label}
            </Link>
          </li>
        ))}
        {PAGES.map((pg) => (
          <li key={pg.path}>
            <Link href={`/products/${encodeURIComponent(productKey)}/${pg.path}`} className="block whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm font-medium text-zinc-700 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-zinc-100">
              {pg.label}
            </Link>
          </li>
        ))}
        {showAudit ? (
          <li>
            <Link href={`/products/${encodeURIComponent(productKey)}/audit`} className="block whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm font-medium text-zinc-700 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-zinc-100">
              Audit
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
