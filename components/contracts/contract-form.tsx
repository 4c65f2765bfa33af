"use client";
import { useState } from "react";
import type { PublishReport } from "@/lib/domain/contracts/publish-check";
import { MASKS, type ContractDocument, type SchemaField, type SlaPart } from "@/lib/domain/contracts/document";
import { parseContractYaml, toContractYaml } from "@/lib/domain/contracts/yaml";
import { Button } from "../ui/button";
import { inputClass } from "../ui/field";

type Promised = Record<string, number | string>;
const SLA: { part: SlaPart; label: string; key: string; unit: string }[] = [
  { part: "freshness", label: "Freshness", key: "maxAgeMinutes", unit: "Max age (minutes)" },
  { part: "completeness", label: "Completeness", key: "minPercent", unit: "Minimum % of records" },
  { part: "accuracy", label: "Accuracy", key: "minPercent", unit: "Minimum % of checks" },
  { part: "availability", label: "Availability", key: "minPercent", unit: "Minimum % available" },
  { part: "lateArrival", label: "Late arrival", key: "windowMinutes", unit: "Window (minutes)" },
];
const num = (v: string): number | string => (v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v);
// The primitive is full width; these inputs size themselves.
const small = inputClass.replace("w-full", "") + " py-1.5";

function Text({ id, label, value, onChange, area, mono }: { id: string; label: string; value: string; onChange: (v: string) => void; area?: boolean; mono?: boolean }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      {area ? (
        <textarea id={id} value={value} rows={3} onChange={(e) => onChange(e.target.value)} className={small + " mt-1 w-full"} />
      ) : (
        <input id={id} value={value} onChange={(e) => onChange(e.target.value)} className={small + " mt-1 w-full" + (mono ? " font-mono" : "")} />
      )}
    </div>
  );
}

/** Edits a native contract as a form; every change is written back as canonical YAML. */
export function ContractForm({ source, report, onChange, onConvert }: { source: string; report: PublishReport | null; onChange: (yaml: string) => void; onConvert: (doc: ContractDocument) => void }) {
  const [doc, setDoc] = useState<ContractDocument | null>(() => {
    const r = parseContractYaml(source);
    return r.ok ? r.document : null;
  });
  // Stable row keys: inputs that keep their own text (tags) must not move to another field's row.
  const [rows, setRows] = useState<number[]>(() => (doc ? doc.schema.fields.map((_, i) => i) : []));
  if (!doc) {
    if (report?.format === "ODCS" && report.document) {
      return (
        <div className="rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800">
          <p>This is an ODCS document. The form edits native contracts: convert it first (the preview lists what ODCS parts are not kept).</p>
          <Button type="button" variant="secondary" className="mt-2" onClick={() => onConvert(report.document!)}>Convert to native YAML</Button>
        </div>
      );
    }
    const first = parseContractYaml(source);
    const error = first.ok ? null : first.errors[0];
    return (
      <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
        The form needs a valid native contract. Fix the YAML first{error ? ` (${error.line ? `line ${error.line}: ` : ""}${error.path ? `${error.path}: ` : ""}${error.message})` : ""}.
      </p>
    );
  }
  const update = (fn: (d: ContractDocument) => void) => {
    const next = structuredClone(doc);
    fn(next);
    setDoc(next);
    onChange(toContractYaml(next));
  };
  const setField = (i: number, patch: Partial<SchemaField>) => update((d) => Object.assign(d.schema.fields[i]!, patch));
  // Business meanings are keyed by field path: they follow a renamed field.
  const renameField = (i: number, name: string) =>
    update((d) => {
      const old = d.schema.fields[i]!.name;
      d.schema.fields[i]!.name = name;
      for (const [k, v] of Object.entries(d.semantics.fields)) {
        if (k !== old && !k.startsWith(`${old}.`)) continue;
        delete d.semantics.fields[k];
        d.semantics.fields[name + k.slice(old.length)] = v;
      }
    });
  return (
    <div className="space-y-4">
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="sr-only">Contract</legend>
        <Text id="cf-version" label="Version" mono value={doc.version} onChange={(v) => update((d) => (d.version = v))} />
        <Text id="cf-name" label="Name" value={doc.name} onChange={(v) => update((d) => (d.name = v))} />
        <Text id="cf-owner" label="Owner" value={doc.owner} onChange={(v) => update((d) => (d.owner = v))} />
      </fieldset>
      <Text id="cf-description" label="Description" area value={doc.description ?? ""} onChange={(v) => update((d) => (d.description = v || undefined))} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">Schema fields</legend>
        <ol className="space-y-2">
          {doc.schema.fields.map((f, i) => (
            <li key={rows[i] ?? `x${i}`} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
              <div className="flex flex-wrap items-end gap-2">
                <div className="min-w-36 flex-1">
                  <label htmlFor={`cf-f${i}-name`} className="block text-xs font-medium">Name of field {i + 1}</label>
                  <input id={`cf-f${i}-name`} value={f.name} onChange={(e) => renameField(i, e.target.value)} className={small + " w-full font-mono"} />
                </div>
                <div className="w-40">
                  <label htmlFor={`cf-f${i}-type`} className="block text-xs font-medium">Type</label>
                  <input id={`cf-f${i}-type`} value={f.type} onChange={(e) => setField(i, { type: e.target.value })} className={small + " w-full font-mono"} />
                </div>
                <div className="flex items-center gap-1.5 pb-2">
                  <input id={`cf-f${i}-required`} type="checkbox" checked={f.required} onChange={(e) => setField(i, { required: e.target.checked })} className="h-4 w-4" />
                  <label htmlFor={`cf-f${i}-required`} className="text-sm">Required</label>
                </div>
                <Button type="button" variant="ghost" className="px-2 py-1.5" onClick={() => { setRows((r) => r.filter((_, j) => j !== i)); update((d) => { d.schema.fields.splice(i, 1); for (const k of Object.keys(d.semantics.fields)) if (k === f.name || k.startsWith(`${f.name}.`)) delete d.semantics.fields[k]; }); }}>
                  Remove<span className="sr-only"> field {f.name}</span>
                </Button>
              </div>
              <div className="mt-2">
                <label htmlFor={`cf-f${i}-description`} className="block text-xs font-medium">Description</label>
                <input id={`cf-f${i}-description`} value={f.description ?? ""} onChange={(e) => setField(i, { description: e.target.value || undefined })} className={small + " w-full"} />
              </div>
              <div className="mt-2 flex flex-wrap gap-2">
                <div className="min-w-36 flex-1">
                  <label htmlFor={`cf-f${i}-tags`} className="block text-xs font-medium">Tags (comma separated, e.g. PII)</label>
                  <input id={`cf-f${i}-tags`} defaultValue={(f.tags ?? []).join(", ")} onChange={(e) => { const tags = e.target.value.split(",").map((t) => t.trim()).filter(Boolean); setField(i, { tags: tags.length ? tags : undefined }); }} className={small + " w-full"} />
                </div>
                <div className="w-36">
                  <label htmlFor={`cf-f${i}-mask`} className="block text-xs font-medium">Mask</label>
                  <select id={`cf-f${i}-mask`} value={f.mask ?? ""} onChange={(e) => setField(i, { mask: (e.target.value || undefined) as SchemaField["mask"] })} className={small + " w-full"}>
                    <option value="">none</option>
                    {MASKS.map((m) => <option key={m} value={m}>{m}</option>)}
                  </select>
                </div>
              </div>
              {f.fields?.length ? <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">{f.fields.length} nested fields: edit them in the YAML view.</p> : null}
            </li>
          ))}
        </ol>
        <Button type="button" variant="secondary" onClick={() => { setRows((r) => [...r, Math.max(-1, ...r) + 1]); update((d) => void d.schema.fields.push({ name: `new_field_${d.schema.fields.length + 1}`, type: "string", required: false })); }}>Add a field</Button>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">Promises (SLA)</legend>
        {SLA.map(({ part, label, key, unit }) => {
          const p = doc.sla[part] as Promised | undefined;
          const set = (k: string, v: string) => update((d) => Object.assign(d.sla[part] as Promised, { [k]: num(v) }));
          return (
            <div key={part} className="flex flex-wrap items-end gap-3">
              <div className="flex w-32 items-center gap-2 pb-2">
                <input id={`cf-sla-${part}`} type="checkbox" checked={!!p} onChange={(e) => update((d) => { (d.sla as Record<string, unknown>)[part] = e.target.checked ? { [key]: key === "minPercent" ? 99 : 60, target: 99, windowDays: 28 } : undefined; })} className="h-4 w-4" />
                <label htmlFor={`cf-sla-${part}`} className="text-sm">{label}</label>
              </div>
              {p ? (
                <>
                  <div><label htmlFor={`cf-sla-${part}-v`} className="block text-xs">{unit}</label><input id={`cf-sla-${part}-v`} inputMode="decimal" value={String(p[key] ?? "")} onChange={(e) => set(key, e.target.value)} className={small + " w-28"} /></div>
                  <div><label htmlFor={`cf-sla-${part}-t`} className="block text-xs">Target %</label><input id={`cf-sla-${part}-t`} inputMode="decimal" value={String(p.target ?? "")} onChange={(e) => set("target", e.target.value)} className={small + " w-20"} /></div>
                  <div><label htmlFor={`cf-sla-${part}-w`} className="block text-xs">Window (days)</label><input id={`cf-sla-${part}-w`} inputMode="numeric" value={String(p.windowDays ?? "")} onChange={(e) => set("windowDays", e.target.value)} className={small + " w-20"} /></div>
                </>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <Text id="cf-summary" label="Business summary" area value={doc.semantics.summary} onChange={(v) => update((d) => (d.semantics.summary = v))} />
      <div>
        <label htmlFor="cf-rules" className="block text-sm font-medium">Rules (one per line)</label>
        <textarea id="cf-rules" rows={4} defaultValue={doc.semantics.rules.join("\n")} onChange={(e) => { const v = e.target.value; update((d) => (d.semantics.rules = v.split("\n").map((r) => r.trim()).filter(Boolean))); }} className={small + " mt-1 w-full"} />
      </div>
    </div>
  );
}
