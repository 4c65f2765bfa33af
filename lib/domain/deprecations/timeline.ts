// Timeline lanes of a product: one per major version, published -> deprecated -> sunset, with the
// notices that cover it. Plus the linear time scale the SVG components draw with.
import semver from "semver";
import { deprecationCovers } from "../versions/subscription-state";
import { DAY_MS } from "./sunset-rule";

export interface TimelineVersion {
  version: string;
  status: "PUBLISHED" | "DEPRECATED" | "RETIRED";
  publishedAt: Date;
  deprecatedAt: Date | null;
  retiredAt: Date | null;
}
export interface TimelineNotice {
  id: string;
  targetRange: string | null;
  announcedAt: Date;
  sunsetAt: Date;
  status: "ACTIVE" | "WITHDRAWN" | "COMPLETED";
}
export interface Lane {
  major: number;
  label: string;
  versions: string[];
  publishedAt: Date;
  deprecatedAt: Date | null;
  sunsetAt: Date | null;
  status: "PUBLISHED" | "DEPRECATED" | "RETIRED";
  noticeIds: string[];
}

const minDate = (ds: (Date | null)[]) => ds.filter((d): d is Date => d !== null).reduce<Date | null>((a, d) => (a === null || d < a ? d : a), null);

/** A lane is DEPRECATED/RETIRED only when every version in it is; dates come from versions, else from notices. */
export function computeLanes(versions: readonly TimelineVersion[], notices: readonly TimelineNotice[]): Lane[] {
  const byMajor = new Map<number, TimelineVersion[]>();
  for (const v of versions) {
    if (!semver.valid(v.version)) continue;
    const m = semver.major(v.version);
    byMajor.set(m, [...(byMajor.get(m) ?? []), v]);
  }
  const lanes: Lane[] = [];
  for (const [major, vs] of [...byMajor.entries()].sort((a, b) => a[0] - b[0])) {
    const covering = notices.filter((n) => n.status !== "WITHDRAWN" && vs.some((v) => deprecationCovers({ ...n, status: "ACTIVE" }, v.version)));
    const all = (s: TimelineVersion["status"][]) => vs.every((v) => s.includes(v.status));
    const status = all(["RETIRED"]) ? "RETIRED" : all(["DEPRECATED", "RETIRED"]) ? "DEPRECATED" : "PUBLISHED";
    const coveringAll = covering.filter((n) => vs.every((v) => deprecationCovers({ ...n, status: "ACTIVE" }, v.version)));
    lanes.push({
      major,
      label: `${major}.x`,
      versions: vs.map((v) => v.version).sort(semver.compare),
      publishedAt: minDate(vs.map((v) => v.publishedAt))!,
      deprecatedAt: status === "PUBLISHED" ? minDate(coveringAll.map((n) => n.announcedAt)) : minDate([...vs.map((v) => v.deprecatedAt), ...coveringAll.map((n) => n.announcedAt)]),
      sunsetAt: status === "RETIRED" ? minDate([...vs.map((v) => v.retiredAt)]) ?? minDate(coveringAll.map((n) => n.sunsetAt)) : minDate(coveringAll.map((n) => n.sunsetAt)),
      status,
      noticeIds: covering.map((n) => n.id),
    });
  }
  return lanes;
}

export interface Scale {
  start: Date;
  end: Date;
}

/** A scale covering every date given and `now`, padded by a month on each side. */
export function scaleFor(dates: readonly (Date | null)[], now: Date): Scale {
  const ts = [...dates.filter((d): d is Date => d !== null).map((d) => d.getTime()), now.getTime()];
  const lo = Math.min(...ts) - 30 * DAY_MS;
  const hi = Math.max(...ts) + 30 * DAY_MS;
  return { start: new Date(lo), end: new Date(hi) };
}

/** x of a date on [0, width], clamped. */
export function xOf(d: Date, scale: Scale, width: number): number {
  const span = scale.end.getTime() - scale.start.getTime();
  if (span <= 0) return 0;
  const x = ((d.getTime() - scale.start.getTime()) / span) * width;
  return Math.max(0, Math.min(width, Math.round(x * 10) / 10));
}

/** First-of-month ticks inside the scale (at most `max`, thinned evenly). */
export function monthTicks(scale: Scale, max = 12): Date[] {
  const out: Date[] = [];
  const d = new Date(Date.UTC(scale.start.getUTCFullYear(), scale.start.getUTCMonth() + 1, 1));
  while (d <= scale.end) {
    out.push(new Date(d));
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  if (out.length <= max) return out;
  const step = Math.ceil(out.length / max);
  return out.filter((_, i) => i % step === 0);
}
