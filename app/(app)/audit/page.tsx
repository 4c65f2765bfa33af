import type { Metadata } from "next";
import Link from "next/link";
import { requireUserCtx } from "@/lib/server/auth/session";
import { can } from "@/lib/server/auth/guard";
import { listAudit } from "@/lib/server/services/audit/list-audit";
import { listTeams } from "@/lib/server/services/teams/list-teams";
import { auditFiltersFromUrl } from "@/lib/server/services/audit/filters-from-url";
import { AppError } from "@/lib/server/errors";
import { AuditTable } from "@/components/audit/audit-table";
import { AuditFilters } from "@/components/audit/audit-filters";

export const metadata: Metadata = { title: "Audit trail" };

type SP = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<SP> }) {
  const ctx = await requireUserCtx();
  const sp = await searchParams;
  const admin = can(ctx, "audit.read.all");
  const { values, input } = auditFiltersFromUrl(sp);
  const teams = (await listTeams(ctx)).filter((t) => admin || t.myRole);
  let page;
  let error: string | null = null;
  try {
    page = await listAudit({ ctx, input });
  } catch (e) {
    if (!(e instanceof AppError) || e.status >= 500) throw e;
    error = e.message;
  }
  const kept = Object.fromEntries(Object.entries(values).filter(([, v]) => v) as [string, string][]);
  const next = page?.nextCursor ? `/audit?${new URLSearchParams({ ...kept, cursor: page.nextCursor })}` : null;
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Audit trail</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {admin ? "Every change in the catalog, by anyone: people, API tokens and the system." : "Every change to your teams and their products."} Newest first; each entry was written in the same transaction as its change.
        </p>
      </div>
      <AuditFilters action="/audit" values={values} teams={teams.map((t) => ({ slug: t.slug, name: t.name }))} showScope />
      {error ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">{error}</p> : null}
      {page ? <AuditTable entries={page.entries} caption="Audit trail" /> : null}
      {next ? <Link href={next} className="text-sm text-indigo-700 underline dark:text-indigo-300">Older entries</Link> : null}
    </div>
  );
}
