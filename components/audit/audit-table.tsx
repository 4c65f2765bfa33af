import Link from "next/link";
import type { AuditEntryDto } from "@/lib/server/services/audit/list-audit";
import { Badge } from "../ui/badge";
import { EmptyState } from "../ui/card";
import { DataTable, TABLE_ROW } from "@/components/ui/data-table";

const fmt = (d: Date) => d.toISOString().replace("T", " ").slice(0, 19) + " UTC";
const show = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

/** Field-level changes between before and after (added, removed, changed keys). */
function changes(before: unknown, after: unknown): { key: string; from: unknown; to: unknown }[] {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).map((k) => ({ key: k, from: b[k], to: a[k] }));
}

export function AuditTable({ entries, caption, showTeam = true }: { entries: AuditEntryDto[]; caption: string; showTeam?: boolean }) {
  if (entries.length === 0) return <EmptyState title="No audit entries match" />;
  return (
    <DataTable caption={caption} columns={["When", "Who", "Action", "What", "Changes"]} minWidth={860}>
      {entries.map((e) => {
        const diff = changes(e.before, e.after);
        return (
          <tr key={e.id} className={TABLE_ROW}>
            <td className="whitespace-nowrap p-3 font-mono text-xs">
              {fmt(e.createdAt)}
              {e.requestId ? <span className="block text-zinc-600 dark:text-zinc-400" title="Request id">req {e.requestId.slice(0, 8)}</span> : null}
            </td>
            <td className="p-3">
              <span className="break-all">{e.actorLabel}</span>{" "}
              <Badge tone={e.actorKind === "token" ? "indigo" : e.actorKind === "system" ? "amber" : "neutral"}>{e.actorKind}</Badge>
            </td>
            <td className="p-3 font-mono text-xs">{e.action}</td>
            <td className="p-3">
              <span className="text-xs text-zinc-600 dark:text-zinc-400">{e.entityType}</span>
              {e.product ? (
                <Link href={`/products/${e.product.key}`} className="block font-mono text-xs hover:underline">{e.product.key}</Link>
              ) : null}
              {showTeam && e.team ? (
                <Link href={`/teams/${e.team.slug}`} className="block text-xs hover:underline">{e.team.name}</Link>
              ) : null}
            </td>
            <td className="p-3">
              {diff.length === 0 ? (
                <span className="text-xs text-zinc-600 dark:text-zinc-400">—</span>
              ) : (
                <ul className="space-y-0.5 text-xs">
                  {diff.slice(0, 8).map((d) => (
                    <li key={d.key} className="break-all">
                      <span className="font-medium">{d.key}</span>: <span className="text-red-800 line-through decoration-1 dark:text-red-300">{show(d.from)}</span> →{" "}
                      <span className="text-emerald-800 dark:text-emerald-300">{show(d.to)}</span>
                    </li>
                  ))}
                  {diff.length > 8 ? <li className="text-zinc-600 dark:text-zinc-400">and {diff.length - 8} more</li> : null}
                </ul>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
