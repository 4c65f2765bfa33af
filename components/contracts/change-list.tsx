import type { Change } from "@/lib/domain/contracts/change";
import { ChangeClassBadge } from "./class-badge";
import { InlineCode } from "./inline-code";

/** Every change of a diff with its class, breaking first. */
export function ChangeList({ changes, label = "Changes" }: { changes: readonly Change[]; label?: string }) {
  if (changes.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No changes.</p>;
  const order = { MAJOR: 0, MINOR: 1, PATCH: 2 } as const;
  const sorted = [...changes].sort((a, b) => order[a.class] - order[b.class]);
  return (
    <ul aria-label={label} className="space-y-1.5 text-sm">
      {sorted.map((c, i) => (
        <li key={i} className="flex items-start gap-2">
          <span className="mt-0.5 w-14 shrink-0">
            <ChangeClassBadge value={c.class} />
          </span>
          <span className="text-zinc-800 dark:text-zinc-200">
            <InlineCode text={c.message} />
          </span>
        </li>
      ))}
    </ul>
  );
}
