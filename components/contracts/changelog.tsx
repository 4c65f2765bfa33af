import { InlineCode } from "./inline-code";

/** A changelog as humanChangelog writes it ("### Heading" and "- item" lines), as headings and lists. */
export function Changelog({ text, lines, headingLevel = 4 }: { text?: string; lines?: string[]; headingLevel?: 3 | 4 }) {
  const all = lines ?? (text ?? "").split("\n");
  const groups: { heading: string | null; items: string[] }[] = [];
  for (const line of all) {
    if (line.startsWith("### ")) groups.push({ heading: line.slice(4), items: [] });
    else if (line.startsWith("- ")) {
      if (groups.length === 0) groups.push({ heading: null, items: [] });
      groups[groups.length - 1]!.items.push(line.slice(2));
    }
  }
  if (groups.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No changes.</p>;
  const H = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="space-y-2">
      {groups.map((g, i) => (
        <div key={i}>
          {g.heading ? <H className="text-xs font-semibold uppercase tracking-wide text-zinc-700 dark:text-zinc-300">{g.heading}</H> : null}
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-zinc-800 dark:text-zinc-200">
            {g.items.map((item, j) => (
              <li key={j}>
                <InlineCode text={item} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
