// What a person typed into the search box, reduced to words PostgreSQL can search for safely.
// The syntax is websearch_to_tsquery's: words (all must match), "a phrase", a OR b, -excluded.
// Any input is accepted (quotes left open, operators alone, any script, 10 kB): the result only
// ever holds letters, digits and combining marks, within the limits below.

export const QUERY_LIMITS = {
  /** Characters of input looked at; the rest is ignored. */
  maxInput: 256,
  maxGroups: 8,
  maxAlternatives: 4,
  maxPhrases: 3,
  maxExcluded: 4,
  maxPhraseWords: 8,
  maxWordLength: 40,
} as const;

export interface ParsedQuery {
  /** All groups must match; within a group, any word (a OR b). */
  groups: string[][];
  /** Exact phrases (words in this order, adjacent). */
  phrases: string[][];
  /** Words or phrases that must not occur. */
  exclude: string[][];
  /** The input ends inside a word: that word is still being typed (match it as a prefix). */
  openEnded: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
// Control and format characters, and the separators a person cannot see.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** The words of a fragment: letters, digits and marks, lowercased, each at most maxWordLength. */
export function wordsOf(fragment: string): string[] {
  const out: string[] = [];
  for (const m of fragment.toLowerCase().matchAll(WORD)) {
    const w = [...m[0]].slice(0, QUERY_LIMITS.maxWordLength).join("");
    // One letter finds nearly everything and costs the most; digits keep their meaning (v2, 3).
    if (w.length >= 2 || /\p{N}/u.test(w)) out.push(w);
  }
  return out;
}

/** The input as the parser sees it: NFKC, invisible characters as spaces, at most maxInput. */
export function normalizeInput(raw: unknown): string {
  if (typeof raw !== "string") return "";
  const head = raw.slice(0, QUERY_LIMITS.maxInput * 4);
  return [...head.normalize("NFKC").replace(INVISIBLE, " ")].slice(0, QUERY_LIMITS.maxInput).join("");
}

type Token = { kind: "words" | "phrase"; words: string[]; negated: boolean } | { kind: "or" };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    const negated = ch === "-" && i + 1 < input.length && !/\s/u.test(input[i + 1]!);
    const start = negated ? i + 1 : i;
    if (input[start] === '"') {
      const close = input.indexOf('"', start + 1);
      const end = close === -1 ? input.length : close;
      tokens.push({ kind: "phrase", words: wordsOf(input.slice(start + 1, end)), negated });
      i = end + 1;
      continue;
    }
    let end = start;
    while (end < input.length && !/\s/u.test(input[end]!) && input[end] !== '"') end++;
    const chunk = input.slice(start, end);
    if (!negated && chunk.toLowerCase() === "or") tokens.push({ kind: "or" });
    else tokens.push({ kind: "words", words: wordsOf(chunk), negated });
    i = Math.max(end, i + 1);
  }
  return tokens;
}

/** Parses search box input; never throws. */
export function parseQuery(raw: unknown): ParsedQuery {
  const input = normalizeInput(raw);
  const L = QUERY_LIMITS;
  const groups: string[][] = [];
  const phrases: string[][] = [];
  const exclude: string[][] = [];
  let orPending = false;
  let endsWithWords = false;
  for (const t of tokenize(input)) {
    endsWithWords = t.kind === "words" && !t.negated && t.words.length > 0;
    if (t.kind === "or") {
      orPending = groups.length > 0;
      continue;
    }
    const words = t.words;
    if (!words.length) continue;
    if (t.negated) {
      if (exclude.length < L.maxExcluded) exclude.push(words.slice(0, L.maxPhraseWords));
    } else if (t.kind === "phrase" && words.length > 1) {
      if (phrases.length < L.maxPhrases) phrases.push(words.slice(0, L.maxPhraseWords));
    } else {
      const [first, ...rest] = words;
      const last = groups[groups.length - 1];
      if (orPending && last && last.length < L.maxAlternatives) {
        if (!last.includes(first!)) last.push(first!);
      } else if (groups.length < L.maxGroups) groups.push([first!]);
      for (const w of rest) if (groups.length < L.maxGroups) groups.push([w]);
    }
    orPending = false;
  }
  const openEnded = endsWithWords && /[\p{L}\p{N}\p{M}]$/u.test(input);
  return { groups, phrases, exclude, openEnded };
}

/** True when nothing searchable is left (the query is ignored, every product matches). */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.groups.length === 0 && q.phrases.length === 0 && q.exclude.length === 0;
}

/** The parsed query as readable text, e.g. `ordr fact`, for messages. */
export function describeQuery(q: ParsedQuery): string {
  return [
    ...q.groups.map((g) => g.join(" OR ")),
    ...q.phrases.map((p) => `"${p.join(" ")}"`),
    ...q.exclude.map((e) => (e.length > 1 ? `-"${e.join(" ")}"` : `-${e[0]}`)),
  ].join(" ");
}
