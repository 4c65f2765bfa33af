"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "../ui/cn";

const LINKS = [
  { href: "/marketplace", label: "Marketplace" },
  { href: "/domains", label: "Domains" },
  { href: "/subscriptions", label: "My subscriptions" },
  { href: "/deprecations", label: "Deprecations" },
  { href: "/lineage", label: "Lineage" },
];

/** `admin` adds the platform admins' Governance page. */
export function NavLinks({ admin = false }: { admin?: boolean }) {
  const path = usePathname();
  return (
    <ul className="flex gap-1 overflow-x-auto">
      {[...LINKS, ...(admin ? [{ href: "/governance", label: "Governance" }] : [])].map((l) => {
        const active = path === l.href || path.startsWith(l.href + "/");
        return (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "block whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium",
                active ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
              )}
            >
              {l.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
