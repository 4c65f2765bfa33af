import type { Metadata } from "next";
import Link from "next/link";
import { requireUserCtx } from "@/lib/server/auth/session";
import { listNotifications } from "@/lib/server/services/notifications/list-notifications";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { markReadAction } from "./actions";

export const metadata: Metadata = { title: "Inbox" };

const when = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";

export default async function InboxPage() {
  const ctx = await requireUserCtx();
  const items = await listNotifications(ctx);
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Inbox</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{unread} unread · deprecation notices, reminders and subscription news for your teams.</p>
        </div>
        {unread > 0 ? <ActionForm action={markReadAction} hidden={{ all: "1" }} label="Mark all notifications read" submitLabel="Mark all read" variant="secondary" /> : null}
      </div>
      {items.length === 0 ? (
        <EmptyState title="Nothing here yet">You are told here when something your teams depend on changes.</EmptyState>
      ) : (
        <ul className="space-y-2" aria-label="Notifications">
          {items.map((n) => (
            <li key={n.id} data-testid="notification" className={`rounded-xl border p-3 ${n.readAt ? "border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900" : "border-indigo-300 bg-indigo-50 dark:border-indigo-800 dark:bg-indigo-950"}`}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0 space-y-1">
                  <p className="font-medium">
                    {!n.readAt ? <Badge tone="indigo" className="mr-2">unread</Badge> : null}
                    {n.link ? <Link href={n.link} className="hover:underline">{n.title}</Link> : n.title}
                  </p>
                  {n.body ? <p className="text-sm text-zinc-700 dark:text-zinc-300">{n.body}</p> : null}
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">{when(n.createdAt)}</p>
                </div>
                {!n.readAt ? <ActionForm action={markReadAction} hidden={{ id: n.id }} label={`Mark "${n.title}" read`} submitLabel="Mark read" variant="ghost" /> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
