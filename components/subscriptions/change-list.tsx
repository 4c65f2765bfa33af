import type { Change } from "@/lib/domain/contracts/change";
import { Badge } from "../ui/badge";

const TONE = { MAJOR: "red", MINOR: "indigo", PATCH: "neutral" } as const;

export function ChangeList({ changes, label }: { changes: readonly Change[]; label: string }) {
  if (changes.length === 0) return null;
  return (
    <ul aria-label={label} className="space-y-1.5 text-sm">
      {changes.map((c, i) => (
        <li key={`${c.path}-${c.kind}-${i}`} className="flex items-start gap-2">
          <Badge tone={TONE[c.class]}>{c.class.toLowerCase()}</Badge>
          <span>
            {c.path ? <span className="font-mono">{c.path}</span> : null}
            {c.path ? ": " : ""}
            {c.message}
          </span>
        </li>
      ))}
    </ul>
  );
}
