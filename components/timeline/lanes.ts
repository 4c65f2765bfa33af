import type { Lane } from "@/lib/domain/deprecations/timeline";
import type { TimelineRow } from "./timeline-chart";

const fmt = (d: Date) => d.toISOString().slice(0, 10);

/** Product lanes (one per major) as chart rows: published -> deprecated -> sunset. */
export function laneRows(lanes: Lane[], scaleEnd: Date): TimelineRow[] {
  return lanes.map((l) => {
    const segments: TimelineRow["segments"] = [];
    const depFrom = l.deprecatedAt ?? null;
    const end = l.sunsetAt ?? scaleEnd;
    segments.push({ from: l.publishedAt, to: depFrom ?? (l.status === "RETIRED" ? end : scaleEnd), kind: "published" });
    if (depFrom) segments.push({ from: depFrom, to: end, kind: "deprecated" });
    if (l.status === "RETIRED" && l.sunsetAt) segments.push({ from: l.sunsetAt, to: scaleEnd, kind: "retired" });
    const parts = [`${l.label} (${l.versions.join(", ")}): ${l.status.toLowerCase()}`, `published ${fmt(l.publishedAt)}`];
    if (l.deprecatedAt) parts.push(`deprecated ${fmt(l.deprecatedAt)}`);
    if (l.sunsetAt) parts.push(`${l.status === "RETIRED" ? "retired" : "sunset"} ${fmt(l.sunsetAt)}`);
    return { id: l.label, label: `${l.label} · ${l.status.toLowerCase()}`, segments, markers: l.sunsetAt ? [{ at: l.sunsetAt, label: `Sunset ${fmt(l.sunsetAt)}` }] : [], summary: parts.join("; ") };
  });
}
