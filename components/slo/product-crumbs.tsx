import Link from "next/link";

const TABS = [
  { slug: "slo", label: "SLOs" },
  { slug: "dependencies", label: "Dependencies" },
  { slug: "impact", label: "Impact" },
] as const;

/** Breadcrumb back to the product and tabs between the reliability pages. */
export function ReliabilityNav({ productKey, productName, current }: { productKey: string; productName: string; current: (typeof TABS)[number]["slug"] }) {
  const href = (s: string) => `/products/${encodeURIComponent(productKey)}/${s}`;
  return (
    <div className="space-y-2">
      <p className="text-sm"><Link href={`/products/${encodeURIComponent(productKey)}`} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">{productName}</Link> /</p>
      <nav aria-label="Reliability" className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {TABS.map((t) => (
          <Link key={t.slug} href={href(t.slug)} aria-current={t.slug === current ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${t.slug === current ? "border-indigo-700 font-medium text-indigo-800 dark:text-indigo-200" : "border-transparent text-zinc-700 hover:text-zinc-950 dark:text-zinc-300"}`}>
            {t.label}
          </Link>
        ))}
      </nav>
    </div>
  );
}
