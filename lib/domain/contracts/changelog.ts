// Consumer-facing changelog from a diff: Markdown lines grouped by class, breaking changes first.
import type { Change, ChangeClass } from "./change";

const HEADINGS: Record<ChangeClass, string> = {
  MAJOR: "### Breaking changes (MAJOR)",
  MINOR: "### Additions and stronger promises (MINOR)",
  PATCH: "### Editorial changes (PATCH)",
};

/** Markdown lines; [] when nothing changed. Order inside a group follows the diff. */
export function humanChangelog(changes: readonly Change[]): string[] {
  const lines: string[] = [];
  for (const cls of ["MAJOR", "MINOR", "PATCH"] as const) {
    const group = changes.filter((c) => c.class === cls);
    if (group.length === 0) continue;
    if (lines.length > 0) lines.push("");
    lines.push(HEADINGS[cls], ...group.map((c) => `- ${c.message}`));
  }
  return lines;
}
