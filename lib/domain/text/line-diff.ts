// Side-by-side line diff (longest common subsequence) for showing two contract versions next to
// each other. Runs of removed and added lines are paired row by row as "changed".
export type Side = { n: number; text: string };
export type DiffRow =
  | { kind: "same"; left: Side; right: Side }
  | { kind: "changed"; left: Side; right: Side }
  | { kind: "removed"; left: Side; right: null }
  | { kind: "added"; left: null; right: Side };

export function sideBySide(before: string, after: string): DiffRow[] {
  const a = before.replace(/\n$/, "").split("\n");
  const b = after.replace(/\n$/, "").split("\n");
  const w = b.length + 1;
  const lcs = new Int32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  const rows: DiffRow[] = [];
  let removed: Side[] = [];
  let added: Side[] = [];
  const flush = () => {
    const n = Math.max(removed.length, added.length);
    for (let k = 0; k < n; k++) {
      const [l, r] = [removed[k], added[k]];
      if (l && r) rows.push({ kind: "changed", left: l, right: r });
      else if (l) rows.push({ kind: "removed", left: l, right: null });
      else rows.push({ kind: "added", left: null, right: r! });
    }
    removed = [];
    added = [];
  };
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      rows.push({ kind: "same", left: { n: i + 1, text: a[i]! }, right: { n: j + 1, text: b[j]! } });
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i * w + j + 1]! >= lcs[(i + 1) * w + j]!)) {
      added.push({ n: j + 1, text: b[j]! });
      j++;
    } else {
      removed.push({ n: i + 1, text: a[i]! });
      i++;
    }
  }
  flush();
  return rows;
}
