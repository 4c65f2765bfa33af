import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUserCtx } from "@/lib/server/auth/session";
import { listAudit } from "@/lib/server/services/audit/list-audit";
import { auditFiltersFromUrl } from "@/lib/server/services/audit/filters-from-url";
import { AppError, NotFoundError } from "@/lib/server/errors";
import { AuditTable } from "@/components/audit/audit-table";
import { AuditFilters } from "@/components/audit/audit-filters";

/** A malformed %-escape is a missing page, not an error. */
function decodeKey(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

type Props = { params: Promise<{ key: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Audit of ${decodeKey((await params).key) ?? "a product"}` };
}

export default async function ProductAuditPage({ params, searchParams }: Props) {
  const key = decodeKey((await params).key);
  if (!key) notFound();
  const ctx = await requireUserCtx();
  const { values, input } = auditFiltersFromUrl(await searchParams);
  let page;
  let error: string | null = null;
  try {
    page = await listAudit({ ctx, input: { ...input, product: key, team: undefined } });
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    if (!(e instanceof AppError) || e.status >= 500) throw e;
    error = e.status === 403 ? "Only members of the team that owns this product (and platform admins) can read its audit trail." : e.message;
  }
  const base = `/products/${encodeURIComponent(key)}/audit`;
  const kept = Object.fromEntries(Object.entries(values).filter(([k, v]) => v && k !== "product" && k !== "team") as [string, string][]);
  const next = page?.nextCursor ? `${base}?${new URLSearchParams({ ...kept, cursor: page.nextCursor })}` : null;
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm"><Link href={`/products/${encodeURIComponent(key)}`} className="font-mono text-indigo-700 underline underline-offset-2 dark:text-indigo-300">{key}</Link></p>
        <h1 className="text-2xl font-semibold tracking-tight">Audit trail of the product</h1>
      </div>
      {page ? <AuditFilters action={base} values={values} /> : null}
      {error ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">{error}</p> : null}
      {page ? <AuditTable entries={page.entries} caption={`Audit trail of ${key}`} /> : null}
      {next ? <Link href={next} className="text-sm text-indigo-700 underline dark:text-indigo-300">Older entries</Link> : null}
    </div>
  );
}
