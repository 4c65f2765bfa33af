import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<string, BadgeTone> = { GREEN: "green", AMBER: "amber", RED: "red", UNKNOWN: "neutral" };
const LABEL: Record<string, string> = { GREEN: "Green", AMBER: "Amber", RED: "Red", UNKNOWN: "Unknown" };

/** SLO status as text plus colour (never colour alone). */
export function SloStatusBadge({ status, atRisk, degraded }: { status: string; atRisk?: boolean; degraded?: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={TONE[status] ?? "neutral"}>SLO {LABEL[status] ?? status}</Badge>
      {atRisk ? <Badge tone="red" title="A HARD upstream (transitively) is RED">At risk</Badge> : null}
      {degraded ? <Badge tone="amber" title="A SOFT upstream is RED: enrichment may be missing">Degraded enrichment</Badge> : null}
    </span>
  );
}

export const STATUS_FILL: Record<string, string> = { GREEN: "#047857", AMBER: "#b45309", RED: "#b91c1c", UNKNOWN: "#52525b" };
