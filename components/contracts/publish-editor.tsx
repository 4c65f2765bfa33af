"use client";
import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { PublishReport } from "@/lib/domain/contracts/publish-check";
import { toContractYaml } from "@/lib/domain/contracts/yaml";
import { deleteDraftAction, previewContractAction, publishContractAction, saveDraftAction } from "@/app/(app)/products/[key]/contract-actions";
import { Button } from "../ui/button";
import { inputClass } from "../ui/field";
import { cn } from "../ui/cn";
import { ContractForm } from "./contract-form";
import { ReportView } from "./report-view";

export type DraftItem = { id: string; source: string; updatedAt: string; author: string | null };
type Mode = "yaml" | "form";
const DEBOUNCE_MS = 450;

/**
 * Paste, upload or edit a contract; a debounced dry run (server action) shows the diff, the
 * required bump and every violation; Publish is enabled only for the text the report is about.
 */
export function PublishEditor({ productKey, initialSource, drafts }: { productKey: string; initialSource: string; drafts: DraftItem[] }) {
  const router = useRouter();
  const [source, setSource] = useState(initialSource);
  const [mode, setMode] = useState<Mode>("yaml");
  const [report, setReport] = useState<{ source: string; report: PublishReport } | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [draftId, setDraftId] = useState<string | undefined>(undefined);
  const [checking, setChecking] = useState(false);
  // Remounts the form when its text is replaced from outside (an ODCS document converted).
  const [formKey, setFormKey] = useState(0);
  const [publishing, startPublish] = useTransition();
  const [saving, startSave] = useTransition();
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    setChecking(true);
    const timer = setTimeout(async () => {
      const r = await previewContractAction(productKey, source).catch(() => null);
      if (mine !== seq.current) return;
      setChecking(false);
      if (r?.ok) {
        setReport({ source, report: r.data });
        setPreviewError(null);
      } else {
        setPreviewError(r ? r.error.message : "The preview could not be computed. Check your connection and try again.");
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [productKey, source]);

  const current = report && report.source === source ? report.report : null;
  const canPublish = !!current?.ok && !checking && !publishing;

  function onFile(e: React.ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > 512 * 1024) return setMessage({ tone: "error", text: `${file.name} is larger than 512 KiB.` });
    file.text().then((text) => {
      setSource(text);
      setMode("yaml");
      setMessage({ tone: "ok", text: `Loaded ${file.name}.` });
    });
  }

  function publish() {
    setMessage(null);
    startPublish(async () => {
      const r = await publishContractAction(productKey, source, draftId);
      if (r.ok) {
        router.push(`/products/${encodeURIComponent(productKey)}?tab=versions&published=${encodeURIComponent(r.version)}`);
        router.refresh();
        return;
      }
      setMessage({ tone: "error", text: r.error.message });
      if (r.report) setReport({ source, report: r.report });
    });
  }

  function saveDraft() {
    startSave(async () => {
      const r = await saveDraftAction(productKey, source, draftId);
      if (r.ok) {
        setDraftId(r.data.id);
        setMessage({ tone: "ok", text: "Draft saved. Drafts are not visible to consumers." });
        router.refresh();
      } else setMessage({ tone: "error", text: r.error.message });
    });
  }

  function removeDraft(id: string) {
    startSave(async () => {
      const r = await deleteDraftAction(productKey, id);
      if (r.ok) {
        if (draftId === id) setDraftId(undefined);
        setMessage({ tone: "ok", text: "Draft deleted." });
        router.refresh();
      } else setMessage({ tone: "error", text: r.error.message });
    });
  }

  return (
    <div className="grid gap-5 xl:grid-cols-2">
      <div className="min-w-0 space-y-3">
        <div role="group" aria-label="Editor" className="flex flex-wrap items-center gap-2">
          {(["yaml", "form"] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={mode === m}
              onClick={() => setMode(m)}
              className={cn("rounded-md px-3 py-1.5 text-sm font-medium", mode === m ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-700 ring-1 ring-inset ring-zinc-300 hover:bg-zinc-100 dark:text-zinc-300 dark:ring-zinc-700 dark:hover:bg-zinc-800")}
            >
              {m === "yaml" ? "YAML / ODCS text" : "Form"}
            </button>
          ))}
          <label htmlFor="contract-file" className="ml-auto text-sm font-medium">Upload a file</label>
          <input id="contract-file" type="file" accept=".yaml,.yml,.json,application/yaml,application/json,text/yaml" onChange={onFile} className="max-w-56 text-sm file:mr-2 file:rounded-md file:border-0 file:bg-zinc-100 file:px-2 file:py-1 file:text-sm dark:file:bg-zinc-800" />
        </div>
        {mode === "yaml" ? (
          <div>
            <label htmlFor="contract-source" className="block text-sm font-medium">Contract document (native YAML or JSON, or ODCS v3)</label>
            <textarea
              id="contract-source"
              value={source}
              onChange={(e) => setSource(e.target.value)}
              spellCheck={false}
              rows={28}
              aria-describedby="contract-source-hint"
              className={inputClass + " mt-1 font-mono text-xs leading-5"}
            />
            <p id="contract-source-hint" className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">The preview updates as you type. ODCS documents are recognised by their apiVersion and kind.</p>
          </div>
        ) : (
          <ContractForm
            key={formKey}
            source={source}
            report={current}
            onChange={setSource}
            onConvert={(doc) => {
              setSource(toContractYaml(doc));
              setFormKey((k) => k + 1);
            }}
          />
        )}
        <div className="flex flex-wrap items-center gap-2">
          <Button type="button" onClick={publish} disabled={!canPublish} aria-describedby="publish-state">
            {publishing ? "Publishing…" : current?.version ? `Publish ${current.version}` : "Publish"}
          </Button>
          <Button type="button" variant="secondary" onClick={saveDraft} disabled={saving || source.trim() === ""}>
            {draftId ? "Update draft" : "Save as draft"}
          </Button>
          <span id="publish-state" className="text-xs text-zinc-600 dark:text-zinc-400" aria-live="polite">
            {checking ? "Checking…" : current ? (current.ok ? "All checks pass." : "Fix the problems listed to publish.") : ""}
          </span>
        </div>
        {message ? (
          <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200" : "rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"}>
            {message.text}
          </p>
        ) : null}
        {drafts.length ? (
          <section aria-labelledby="drafts-title" className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
            <h3 id="drafts-title" className="text-sm font-semibold">Drafts</h3>
            <ul className="mt-2 space-y-1.5 text-sm">
              {drafts.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center gap-2">
                  <span className="text-zinc-700 dark:text-zinc-300">
                    Saved {d.updatedAt.slice(0, 16).replace("T", " ")} UTC{d.author ? ` by ${d.author}` : ""}
                    {draftId === d.id ? " (editing)" : ""}
                  </span>
                  <Button type="button" variant="ghost" className="px-2 py-1" onClick={() => { setSource(d.source); setDraftId(d.id); setMode("yaml"); }}>
                    Load<span className="sr-only"> draft saved {d.updatedAt}</span>
                  </Button>
                  <Button type="button" variant="ghost" className="px-2 py-1" onClick={() => removeDraft(d.id)}>
                    Delete<span className="sr-only"> draft saved {d.updatedAt}</span>
                  </Button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      <section aria-labelledby="report-title" className="min-w-0 space-y-2">
        <h2 id="report-title" className="text-base font-semibold tracking-tight">Preview</h2>
        {previewError ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{previewError}</p> : null}
        <div aria-busy={checking}>
          {report ? <ReportView report={report.report} /> : <p className="text-sm text-zinc-600 dark:text-zinc-400">Checking the document…</p>}
        </div>
      </section>
    </div>
  );
}
