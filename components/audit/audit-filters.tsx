import { inputClass } from "../ui/field";
import { buttonClass } from "../ui/button";

export type AuditFilterValues = { action?: string; actor?: string; from?: string; to?: string; team?: string; product?: string; entityType?: string };

/** A GET form: the filter lives in the URL. `keep` are hidden fields (e.g. the tab). */
export function AuditFilters({ action, values, keep = {}, teams, showScope = false }: { action: string; values: AuditFilterValues; keep?: Record<string, string>; teams?: { slug: string; name: string }[]; showScope?: boolean }) {
  return (
    <form method="get" action={action} aria-label="Filter the audit trail" className="grid gap-3 rounded-xl border border-zinc-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-4 dark:border-zinc-800 dark:bg-zinc-900">
      {Object.entries(keep).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {showScope && teams ? (
        <div>
          <label htmlFor="audit-team" className="block text-sm font-medium">Team</label>
          <select id="audit-team" name="team" defaultValue={values.team ?? ""} className={inputClass}>
            <option value="">All teams</option>
            {teams.map((t) => (
              <option key={t.slug} value={t.slug}>{t.name}</option>
            ))}
          </select>
        </div>
      ) : null}
      {showScope ? (
        <div>
          <label htmlFor="audit-product" className="block text-sm font-medium">Product key</label>
          <input id="audit-product" name="product" defaultValue={values.product ?? ""} placeholder="orders.order_facts.gold" className={inputClass + " font-mono"} />
        </div>
      ) : null}
      <div>
        <label htmlFor="audit-action" className="block text-sm font-medium">Action</label>
        <input id="audit-action" name="action" defaultValue={values.action ?? ""} placeholder="team.member" className={inputClass + " font-mono"} />
      </div>
      <div>
        <label htmlFor="audit-actor" className="block text-sm font-medium">Actor</label>
        <input id="audit-actor" name="actor" defaultValue={values.actor ?? ""} placeholder="email or token name" className={inputClass} />
      </div>
      <div>
        <label htmlFor="audit-from" className="block text-sm font-medium">From</label>
        <input id="audit-from" name="from" type="date" defaultValue={values.from ?? ""} className={inputClass} />
      </div>
      <div>
        <label htmlFor="audit-to" className="block text-sm font-medium">To</label>
        <input id="audit-to" name="to" type="date" defaultValue={values.to ?? ""} className={inputClass} />
      </div>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClass()}>Filter</button>
        <a href={action + (Object.keys(keep).length ? `?${new URLSearchParams(keep)}` : "")} className={buttonClass("ghost")}>Clear</a>
      </div>
    </form>
  );
}
