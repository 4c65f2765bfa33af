import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUserCtx } from "@/lib/server/auth/session";
import { ForbiddenError, NotFoundError } from "@/lib/server/errors";
import { listWebhooks } from "@/lib/server/services/webhooks/list-webhooks";
import { CreateWebhookForm } from "@/components/webhooks/create-webhook-form";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { createWebhookAction, deleteWebhookAction, sendTestWebhookAction } from "./actions";

export const metadata: Metadata = { title: "Webhooks" };

const when = (d: Date) => d.toISOString().replace("T", " ").slice(0, 19);

export default async function WebhooksPage({ params }: { params: Promise<{ slug: string }> }) {
  const slug = decodeURIComponent((await params).slug);
  const ctx = await requireUserCtx();
  let data;
  try {
    data = await listWebhooks(ctx, slug);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    if (e instanceof ForbiddenError) return <EmptyState title="Only the team's owners manage its webhooks" />;
    throw e;
  }
  const { team, hooks } = data;
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <div>
        <p className="text-sm"><Link href={`/teams/${team.slug}`} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">{team.name}</Link> /</p>
        <h1 className="text-2xl font-semibold tracking-tight">Webhooks</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Deprecation announcements, reminders and sunsets for {team.name}, POSTed as JSON and signed: <code>X-Tessera-Signature: sha256=HMAC(secret, timestamp + &quot;.&quot; + body)</code> with <code>X-Tessera-Timestamp</code>. Failed deliveries are retried with backoff (30 s, 1, 2, 4 … minutes, 8 attempts).
        </p>
      </div>
      <Card><CreateWebhookForm team={team.slug} action={createWebhookAction} /></Card>
      {hooks.length === 0 ? <EmptyState title="No webhooks yet" /> : null}
      {hooks.map((h) => (
        <Card key={h.id} aria-label={`Webhook ${h.url}`}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="break-all font-mono text-sm">{h.url}</p>
            <div className="flex gap-2">
              <ActionForm action={sendTestWebhookAction} hidden={{ team: team.slug, id: h.id }} label={`Send a test delivery to ${h.url}`} submitLabel="Send test" variant="secondary" success="Test delivery queued: it appears below within seconds." />
              <ActionForm action={deleteWebhookAction} hidden={{ team: team.slug, id: h.id }} label={`Delete webhook ${h.url}`} submitLabel="Delete" variant="ghost" />
            </div>
          </div>
          <table className="mt-3 w-full text-left text-sm">
            <caption className="sr-only">Latest deliveries to {h.url}</caption>
            <thead className="text-xs text-zinc-600 dark:text-zinc-400"><tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last code</th><th scope="col">Last error</th><th scope="col">Created (UTC)</th></tr></thead>
            <tbody>
              {h.deliveries.length === 0 ? <tr><td colSpan={6} className="py-2 text-zinc-600 dark:text-zinc-400">No deliveries yet.</td></tr> : null}
              {h.deliveries.map((d) => (
                <tr key={d.id} data-testid="delivery" className="border-t border-zinc-200 dark:border-zinc-800">
                  <td className="py-1 font-mono text-xs">{d.event}</td>
                  <td><Badge tone={d.status === "SUCCEEDED" ? "green" : d.status === "FAILED" ? "red" : "amber"}>{d.status.toLowerCase()}</Badge></td>
                  <td>{d.attempts}</td>
                  <td>{d.lastStatusCode ?? "–"}</td>
                  <td className="text-xs">{d.lastError ?? ""}</td>
                  <td className="text-xs">{when(d.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ))}
    </div>
  );
}
