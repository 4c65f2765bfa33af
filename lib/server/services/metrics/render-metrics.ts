import "server-only";
import { getDb } from "../../db/client";
import type { Ctx } from "../../auth/context";
import { ForbiddenError, UnauthenticatedError } from "../../errors";

type Row = { key: string; team: string; tier: string; domain: string; productStatus: string; atRisk: boolean; degraded: boolean; objective: string | null; status: string | null; budget: number | null; attainment: number | null; current: number | null; computedAt: Date | null };

const STATUSES = ["GREEN", "AMBER", "RED", "UNKNOWN"];
const esc = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
const labels = (l: Record<string, string>) => `{${Object.entries(l).map(([k, v]) => `${k}="${esc(v)}"`).join(",")}}`;

/**
 * Prometheus text exposition (version 0.0.4) of every product's status, budget and freshness age,
 * read from the columns the status job keeps current (one query; nothing is evaluated here).
 * Any API token with the read scope, or a signed-in user, may scrape.
 */
export async function renderMetrics(ctx: Ctx): Promise<string> {
  const a = ctx.actor;
  if (a.kind === "anonymous") throw new UnauthenticatedError("Send an API token with the read scope as `Authorization: Bearer <token>`.");
  if (a.kind === "token" && !a.scopes.includes("READ")) throw new ForbiddenError("Scraping metrics needs a token with the read scope.");
  // The text is the same for every caller: several scrapers (or a retrying one) within a few
  // seconds share one rendering instead of each reading the whole catalog.
  const cached = holder.__tesseraMetrics;
  if (cached && ctx.now.getTime() - cached.at >= 0 && ctx.now.getTime() - cached.at < METRICS_CACHE_MS) return cached.text;
  const text = await render(ctx.now);
  holder.__tesseraMetrics = { at: ctx.now.getTime(), text };
  return text;
}

/** How long a rendering is reused (Prometheus scrapes every 15 s or more). */
export const METRICS_CACHE_MS = 5_000;
const holder = globalThis as unknown as { __tesseraMetrics?: { at: number; text: string } };

async function render(now: Date): Promise<string> {
  const rows = await getDb().$queryRaw<Row[]>`
    SELECT p.key, t.slug AS team, p.tier::text AS tier, d.slug AS domain, p."sloStatus"::text AS "productStatus", p."atRisk", p.degraded,
           s.objective::text AS objective, s.status::text AS status, s."budgetRemaining" AS budget, s.attainment, s."currentValue" AS current, s."statusComputedAt" AS "computedAt"
    FROM "DataProduct" p JOIN "Team" t ON t.id = p."teamId" JOIN "Domain" d ON d.id = p."domainId"
    LEFT JOIN "Slo" s ON s."productId" = p.id
    WHERE p."lifecycleStatus" <> 'RETIRED'
    ORDER BY p.key, s.objective`;
  const out: string[] = [];
  const family = (name: string, help: string, lines: string[]) => out.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, ...lines);
  const products = [...new Map(rows.map((r) => [r.key, r])).values()];
  const base = (r: Row) => ({ product: r.key, team: r.team, domain: r.domain, tier: r.tier });
  family("tessera_product_status", "Own SLO status of a product (worst objective): 1 for the current status.", products.flatMap((r) => STATUSES.map((s) => `tessera_product_status${labels({ ...base(r), status: s })} ${r.productStatus === s ? 1 : 0}`)));
  family("tessera_product_at_risk", "1 when a HARD upstream, transitively, is RED.", products.map((r) => `tessera_product_at_risk${labels(base(r))} ${r.atRisk ? 1 : 0}`));
  family("tessera_product_degraded", "1 when a SOFT upstream is RED.", products.map((r) => `tessera_product_degraded${labels(base(r))} ${r.degraded ? 1 : 0}`));
  const slos = rows.filter((r) => r.objective);
  family("tessera_slo_status", "Status of one objective: 1 for the current status.", slos.flatMap((r) => STATUSES.map((s) => `tessera_slo_status${labels({ ...base(r), objective: r.objective!, status: s })} ${r.status === s ? 1 : 0}`)));
  family("tessera_slo_error_budget_remaining_ratio", "Fraction (0..1) of the error budget left over the rolling window.", slos.filter((r) => r.budget !== null).map((r) => `tessera_slo_error_budget_remaining_ratio${labels({ ...base(r), objective: r.objective! })} ${r.budget}`));
  family("tessera_slo_attainment_percent", "Percent of measurements in the window that met the objective.", slos.filter((r) => r.attainment !== null).map((r) => `tessera_slo_attainment_percent${labels({ ...base(r), objective: r.objective! })} ${r.attainment}`));
  // Freshness ages with the clock: the age computed by the job plus the time since.
  family("tessera_freshness_age_minutes", "Age of the newest data, in minutes, as of the scrape.", slos.filter((r) => r.objective === "FRESHNESS" && r.current !== null && r.computedAt).map((r) => `tessera_freshness_age_minutes${labels(base(r))} ${Math.round((r.current! + (now.getTime() - r.computedAt!.getTime()) / 60_000) * 100) / 100}`));
  return out.join("\n") + "\n";
}
