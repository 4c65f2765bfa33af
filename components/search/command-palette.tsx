"use client";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { cn } from "../ui/cn";

type Option = { id: string; kind: "product" | "domain" | "search"; href: string; title: string; detail: string };
type SuggestResponse = {
  products: { key: string; name: string; tier: string; domain: string; lifecycleStatus: string }[];
  domains: { slug: string; name: string; products: number }[];
};

const DEBOUNCE_MS = 120;
const TIER = { GOLD: "Gold", SILVER: "Silver", BRONZE: "Bronze" } as Record<string, string>;

/**
 * Ctrl-K / Cmd-K (or the header button): jump to any product or domain by typing part of its
 * name, key, topic, owner or tags (typos forgiven). A modal dialog with a combobox and a listbox:
 * arrows move, Enter opens, Escape closes, Tab stays inside, focus returns where it was.
 */
export function CommandPalette() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [options, setOptions] = useState<Option[]>([]);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const uid = useId();
  const listId = `${uid}-list`;

  const show = useCallback(() => {
    returnFocus.current = document.activeElement as HTMLElement | null;
    setOpen(true);
  }, []);
  const close = useCallback(() => {
    setOpen(false);
    setQ("");
    setOptions([]);
    setStatus("");
    returnFocus.current?.focus?.();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        if (open) close();
        else show();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, show, close]);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const text = q.trim();
    if (!text) {
      setOptions([]);
      setStatus("");
      return;
    }
    const ctrl = new AbortController();
    const t = setTimeout(async () => {
      try {
        const res = await fetch(`/api/v1/search/suggest?q=${encodeURIComponent(text)}`, { signal: ctrl.signal, headers: { accept: "application/json" } });
        if (!res.ok) throw new Error(String(res.status));
        const data = (await res.json()) as SuggestResponse;
        const next: Option[] = [
          ...data.products.map((p) => ({
            id: `${uid}-p-${p.key}`,
            kind: "product" as const,
            href: `/products/${p.key}`,
            title: p.name,
            detail: `${p.key} · ${TIER[p.tier] ?? p.tier}${p.lifecycleStatus === "DEPRECATED" ? " · deprecated" : ""}`,
          })),
          ...data.domains.map((d) => ({
            id: `${uid}-d-${d.slug}`,
            kind: "domain" as const,
            href: `/domains/${d.slug}`,
            title: d.name,
            detail: `Domain · ${d.products} product${d.products === 1 ? "" : "s"}`,
          })),
          { id: `${uid}-search`, kind: "search" as const, href: `/marketplace?q=${encodeURIComponent(text)}`, title: `Search the marketplace for “${text}”`, detail: "All results, with filters" },
        ];
        setOptions(next);
        setActive(0);
        const found = next.length - 1;
        setStatus(found ? `${found} match${found === 1 ? "" : "es"}` : "No product or domain matches");
      } catch (e) {
        if ((e as Error).name !== "AbortError") setStatus("Suggestions are unavailable right now");
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(t);
      ctrl.abort();
    };
  }, [q, open, uid]);

  const choose = (o: Option | undefined) => {
    if (!o) return;
    setOpen(false);
    setQ("");
    setOptions([]);
    router.push(o.href);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((i) => (options.length ? (i + 1) % options.length : 0));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => (options.length ? (i - 1 + options.length) % options.length : 0));
    } else if (e.key === "Home" && options.length) {
      e.preventDefault();
      setActive(0);
    } else if (e.key === "End" && options.length) {
      e.preventDefault();
      setActive(options.length - 1);
    } else if (e.key === "Enter") {
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      close();
    } else if (e.key === "Tab") {
      // Focus trap: the dialog has one focusable control besides the close button.
      const focusables = dialog.current?.querySelectorAll<HTMLElement>("input, button") ?? [];
      const list = [...focusables];
      const i = list.indexOf(document.activeElement as HTMLElement);
      e.preventDefault();
      list[(i + (e.shiftKey ? -1 : 1) + list.length) % list.length]?.focus();
    }
  };

  return (
    <>
      <button
        type="button"
        onClick={show}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        className="hidden items-center gap-2 rounded-md border border-zinc-300 px-2 py-1 text-sm text-zinc-700 hover:bg-zinc-100 sm:flex dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        Jump to…
        <kbd className="rounded bg-zinc-100 px-1 font-mono text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">Ctrl K</kbd>
      </button>
      {open ? (
        <div className="fixed inset-0 z-50 flex items-start justify-center bg-zinc-950/40 p-4 pt-[12vh]" onMouseDown={(e) => e.target === e.currentTarget && close()}>
          <div
            ref={dialog}
            role="dialog"
            aria-modal="true"
            aria-labelledby={`${uid}-title`}
            onKeyDown={onKeyDown}
            className="w-full max-w-xl overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-2xl dark:border-zinc-700 dark:bg-zinc-900"
          >
            <div className="flex items-center gap-2 border-b border-zinc-200 px-3 dark:border-zinc-700">
              <h2 id={`${uid}-title`} className="sr-only">
                Jump to a product or domain
              </h2>
              <input
                ref={input}
                role="combobox"
                aria-label="Jump to a product or domain"
                aria-expanded={options.length > 0}
                aria-controls={listId}
                aria-autocomplete="list"
                aria-activedescendant={options[active]?.id}
                value={q}
                onChange={(e) => setQ(e.target.value)}
                placeholder="Product, topic, key or domain…"
                autoComplete="off"
                spellCheck={false}
                className="min-w-0 flex-1 bg-transparent py-3 text-base text-zinc-900 outline-none placeholder:text-zinc-500 dark:text-zinc-100 dark:placeholder:text-zinc-400"
              />
              <button type="button" onClick={close} className="rounded px-2 py-1 text-xs text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
                Esc<span className="sr-only"> (close)</span>
              </button>
            </div>
            <ul id={listId} role="listbox" aria-label="Matches" className="max-h-[50vh] overflow-y-auto py-1">
              {options.map((o, i) => (
                <li
                  key={o.id}
                  id={o.id}
                  role="option"
                  aria-selected={i === active}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(o)}
                  onMouseMove={() => setActive(i)}
                  className={cn("cursor-pointer px-3 py-2", i === active ? "bg-indigo-50 dark:bg-indigo-950" : "")}
                >
                  <span className="block truncate text-sm font-medium text-zinc-900 dark:text-zinc-100">{o.title}</span>
                  <span className="block truncate text-xs text-zinc-600 dark:text-zinc-400">{o.detail}</span>
                </li>
              ))}
            </ul>
            <p className="border-t border-zinc-200 px-3 py-2 text-xs text-zinc-600 dark:border-zinc-700 dark:text-zinc-400" aria-live="polite">
              {status || "Type to search. ↑ ↓ to move, Enter to open, Esc to close."}
            </p>
          </div>
        </div>
      ) : null}
    </>
  );
}
