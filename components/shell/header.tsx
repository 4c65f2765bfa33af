import Link from "next/link";
import type { UserActor } from "@/lib/server/auth/session";
import { NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";
import { SignOutButton } from "./sign-out-button";
import { inputClass } from "../ui/field";
import { CommandPalette } from "../search/command-palette";

export function Header({ user, unreadCount = 0 }: { user: UserActor; unreadCount?: number }) {
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2.5">
        <Link href="/marketplace" className="flex items-center gap-2 font-semibold tracking-tight">
          <svg aria-hidden viewBox="0 0 24 24" className="h-6 w-6">
            <rect x="2" y="2" width="9" height="9" rx="2" className="fill-indigo-600" />
            <rect x="13" y="2" width="9" height="9" rx="2" className="fill-indigo-400" />
            <rect x="2" y="13" width="9" height="9" rx="2" className="fill-indigo-300" />
            <rect x="13" y="13" width="9" height="9" rx="2" className="fill-indigo-600" />
          </svg>
          Tessera
        </Link>
        <form action="/marketplace" method="get" role="search" className="order-last w-full sm:order-none sm:w-auto sm:flex-1 sm:max-w-md">
          <label htmlFor="global-search" className="sr-only">
            Search the catalog
          </label>
          <input id="global-search" name="q" type="search" placeholder="Search data products, topics, fields…" className={inputClass + " py-1.5"} />
        </form>
        <div className="ml-auto flex items-center gap-1">
          <CommandPalette />
          <ThemeToggle />
          <Link href="/inbox" data-testid="inbox-link" aria-label={unreadCount > 0 ? `Inbox: ${unreadCount} unread` : "Inbox"} className="relative flex items-center rounded-md px-2 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">
            <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5 fill-current"><path d="M3 4a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2v9h-4l-1 2H8l-1-2H3V4Zm0 11h3.4l1 2h5.2l1-2H17v1a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-1Z" /></svg>
            {unreadCount > 0 ? <span aria-hidden className="ml-1 rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white">{unreadCount > 99 ? "99+" : unreadCount}</span> : null}
          </Link>
          <details className="relative">
            <summary data-testid="account-menu" className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">
              <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-full bg-indigo-600 text-xs font-semibold text-white">
                {user.name.slice(0, 1).toUpperCase()}
              </span>
              <span className="sr-only">Account menu: </span>
              <span className="hidden md:inline">{user.name}</span>
            </summary>
            <div className="absolute right-0 mt-1 w-64 rounded-lg border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-800 dark:bg-zinc-900">
              <p className="px-3 pt-1 text-sm font-medium">{user.name}</p>
              <p className="px-3 pb-2 text-xs text-zinc-600 dark:text-zinc-400">
                {user.email}
                {user.isPlatformAdmin ? " · platform admin" : ""}
              </p>
              <p className="px-3 pt-1 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Your teams</p>
              <ul className="mb-1">
                {user.memberships.length === 0 ? <li className="px-3 py-1 text-sm text-zinc-600 dark:text-zinc-400">No team yet</li> : null}
                {user.memberships.map((m) => (
                  <li key={m.teamId}>
                    <Link href={`/teams/${m.teamSlug}`} className="flex items-center justify-between rounded-md px-3 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">
                      <span>{m.teamName}</span>
                      <span className="text-xs text-zinc-600 dark:text-zinc-400">{m.role === "OWNER" ? "owner" : "member"}</span>
                    </Link>
                  </li>
                ))}
              </ul>
              <ul className="border-t border-zinc-200 py-1 text-sm dark:border-zinc-800">
                <li><Link href="/teams" className="block rounded-md px-3 py-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800">Teams</Link></li>
                <li><Link href="/audit" className="block rounded-md px-3 py-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800">Audit trail</Link></li>
                <li><Link href="/api-docs" className="block rounded-md px-3 py-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800">API</Link></li>
              </ul>
              <div className="border-t border-zinc-200 pt-1 dark:border-zinc-800">
                <SignOutButton />
              </div>
            </div>
          </details>
        </div>
      </div>
      <nav aria-label="Main" className="mx-auto max-w-7xl px-4 pb-2">
        <NavLinks admin={user.isPlatformAdmin} />
      </nav>
    </header>
  );
}
