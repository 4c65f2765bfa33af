import "server-only";

type SP = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** An audit page's URL filters as listAudit input; a `to` date includes that whole day (UTC). */
export function auditFiltersFromUrl(sp: SP) {
  const to = one(sp.to);
  return {
    values: { action: one(sp.action), actor: one(sp.actor), from: one(sp.from), to, team: one(sp.team), product: one(sp.product), entityType: one(sp.entityType) },
    input: {
      action: one(sp.action),
      actor: one(sp.actor),
      from: one(sp.from),
      to: to && /^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T23:59:59.999Z` : to,
      team: one(sp.team),
      product: one(sp.product),
      entityType: one(sp.entityType),
      cursor: one(sp.cursor),
    },
  };
}
