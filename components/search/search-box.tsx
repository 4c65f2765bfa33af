"use client";
import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { searchHref, withQuery, withSort, SORTS, type SearchState, type Sort } from "@/lib/domain/search/search-state";
import { SORT_LABEL } from "@/lib/domain/search/ranking";
import { inputClass } from "../ui/field";
import { buttonClass } from "../ui/button";

const DEBOUNCE_MS = 250;

/**
 * The marketplace search box: results follow as you type (the URL is replaced after a pause, the
 * server renders the results), Enter or the button searches at once and adds a history entry.
 * Without JavaScript it is a plain GET form.
 */
export function SearchBox({ state }: { state: SearchState }) {
  const router = useRouter();
  const [value, setValue] = useState(state.q);
  const [pending, startTransition] = useTransition();
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(state);
  latest.current = state;

  // The URL changed from elsewhere (back button, a facet link): show its query unless typing.
  useEffect(() => {
    if (document.activeElement !== input.current) setValue(state.q);
  }, [state.q]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const go = (q: string, mode: "push" | "replace") => {
    clearTimeout(timer.current);
    const href = searchHref(withQuery(latest.current, q));
    startTransition(() => (mode === "push" ? router.push(href, { scroll: false }) : router.replace(href, { scroll: false })));
  };

  return (
    <form
      role="search"
      method="get"
      action="/marketplace"
      aria-label="Search data products"
      className="flex flex-wrap items-end gap-3 rounded-xl border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
      onSubmit={(e) => {
        e.preventDefault();
        go(value, "push");
      }}
    >
      <div className="min-w-60 flex-1">
        <label htmlFor="q" className="mb-1 block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Search
        </label>
        <input
          ref={input}
          id="q"
          name="q"
          type="search"
          value={value}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="q-hint"
          placeholder="Names, topics, fields, owners, tags…"
          className={inputClass}
          onChange={(e) => {
            const q = e.target.value;
            setValue(q);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => go(q, "replace"), DEBOUNCE_MS);
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape" && value) {
              e.preventDefault();
              setValue("");
              go("", "replace");
            }
          }}
        />
        <p id="q-hint" className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          Typos are forgiven. <kbd className="font-mono">&quot;exact phrase&quot;</kbd>, <kbd className="font-mono">a OR b</kbd>, <kbd className="font-mono">-exclude</kbd>.
        </p>
      </div>
      <div>
        <label htmlFor="sort" className="mb-1 block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Sort by
        </label>
        <select
          id="sort"
          name="sort"
          value={state.sort}
          className={inputClass}
          onChange={(e) => startTransition(() => router.push(searchHref(withSort(withQuery(latest.current, value), e.target.value as Sort)), { scroll: false }))}
        >
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      {/* Facets travel with a plain submit (no JavaScript). */}
      {(["domain", "tier", "class", "slo", "status", "owner", "tag"] as const).flatMap((f) => state[f].map((v) => <input key={`${f}:${v}`} type="hidden" name={f} value={v} />))}
      <button type="submit" className={buttonClass("primary", "mb-5")} aria-busy={pending}>
        Search
      </button>
      <span className="sr-only" aria-live="polite">
        {pending ? "Searching…" : ""}
      </span>
    </form>
  );
}
