// Pin resolution: the newest non-retired version inside a pin's range.
import semver from "semver";
import { parsePin, type Pin } from "./pin";

export const VERSION_STATUSES = ["PUBLISHED", "DEPRECATED", "RETIRED"] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
export type VersionEntry = { version: string; status: VersionStatus };

export function toPin(range: Pin | string): Pin {
  if (typeof range !== "string") return range;
  const parsed = parsePin(range);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.pin;
}

/** Newest non-retired entry whose version satisfies the pin, or null. Throws on an invalid pin. */
export function resolvePin<V extends VersionEntry>(range: Pin | string, versions: readonly V[]): V | null {
  const pin = toPin(range);
  let best: V | null = null;
  for (const entry of versions) {
    if (entry.status === "RETIRED" || semver.valid(entry.version) === null) continue;
    if (!semver.satisfies(entry.version, pin.range)) continue;
    if (best === null || semver.gt(entry.version, best.version)) best = entry;
  }
  return best;
}
