import type { PublishReport } from "@/lib/domain/contracts/publish-check";
import type { PublishImpact, SubscriberEffect } from "@/lib/domain/contracts/publish-impact";
import { flattenFields } from "@/lib/domain/contracts/flatten";
import { Badge } from "../ui/badge";
import { ContractView } from "../product/contract-view";
import { ChangeList } from "./change-list";
import { ChangeClassBadge } from "./class-badge";
import { InlineCode } from "./inline-code";

/** The publish report: what would be published, the required bump and every rule violation. */
export function ReportView({ report }: { report: PublishReport }) {
  const summary = report.ok
    ? `Ready to publish ${report.version}${report.previous ? ` (previous ${report.previous})` : " (first version)"}.`
    : `Cannot publish${report.version ? ` ${report.version}` : ""}: ${report.violations.length} problem${report.violations.length === 1 ? "" : "s"}.`;
  return (
    <div className="space-y-4">
      <div className={report.ok ? "rounded-lg border border-emerald-300 bg-emerald-50 p-3 dark:border-emerald-800 dark:bg-emerald-950" : "rounded-lg border border-red-300 bg-red-50 p-3 dark:border-red-800 dark:bg-red-950"}>
        <p className={report.ok ? "text-sm font-semibold text-emerald-900 dark:text-emerald-100" : "text-sm font-semibold text-red-900 dark:text-red-100"}>{summary}</p>
        {report.version ? (
          <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-zinc-800 dark:text-zinc-200">
            <div className="flex items-center gap-1.5"><dt>Format</dt><dd><Badge>{report.format === "ODCS" ? "ODCS v3" : "native"}</Badge></dd></div>
            <div className="flex items-center gap-1.5"><dt>Diff requires</dt><dd><ChangeClassBadge value={report.previous ? report.required : "INITIAL"} /></dd></div>
            <div className="flex items-center gap-1.5"><dt>Version declares</dt><dd><ChangeClassBadge value={report.declared} /></dd></div>
            {report.bestEffort ? <div className="flex items-center gap-1.5"><dt>Promises</dt><dd><Badge>best effort (exploratory)</Badge></dd></div> : null}
          </dl>
        ) : null}
      </div>
      {report.warnings?.length ? (
        <section aria-labelledby="warnings-title" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <h3 id="warnings-title" className="font-semibold">Promises the upstreams cannot back</h3>
          <ul className="mt-1 list-disc pl-5">
            {report.warnings.map((w, i) => <li key={i}>{w.message}</li>)}
          </ul>
        </section>
      ) : null}
      {report.violations.length ? (
        <section aria-labelledby="violations-title">
          <h3 id="violations-title" className="text-sm font-semibold">Problems</h3>
          <ul className="mt-1 space-y-1.5 text-sm">
            {report.violations.map((v, i) => (
              <li key={i} className="rounded-md border border-red-200 bg-white px-3 py-2 dark:border-red-900 dark:bg-zinc-900">
                <span className="font-mono text-xs text-red-800 dark:text-red-300">{v.rule}</span>
                {v.path ? <span className="ml-2 font-mono text-xs text-zinc-600 dark:text-zinc-400">{v.path}</span> : null}
                {v.line ? <span className="ml-2 text-xs text-zinc-600 dark:text-zinc-400">line {v.line}{v.column ? `, column ${v.column}` : ""}</span> : null}
                <p className="text-zinc-900 dark:text-zinc-100"><InlineCode text={v.message} /></p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {report.version && report.previous ? (
        <section aria-labelledby="changes-title">
          <h3 id="changes-title" className="text-sm font-semibold">Changes from {report.previous}</h3>
          <div className="mt-1"><ChangeList changes={report.changes} label={`Changes from ${report.previous}`} /></div>
        </section>
      ) : null}
      {report.impact && (report.impact.subscribers.length || report.impact.deprecations.length) ? <ImpactView impact={report.impact} /> : null}
      {report.notes.length ? (
        <details className="rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
          <summary className="cursor-pointer font-semibold">ODCS mapping: {report.notes.filter((n) => n.kind === "not-mapped").length} parts not kept, {report.notes.filter((n) => n.kind !== "not-mapped").length} converted or defaulted</summary>
          <ul className="mt-2 space-y-1">
            {report.notes.map((n, i) => (
              <li key={i}>
                <Badge tone={n.kind === "not-mapped" ? "amber" : "neutral"}>{n.kind}</Badge> <span className="font-mono text-xs">{n.path || "(document)"}</span>{" "}
                <span className="text-zinc-800 dark:text-zinc-200"><InlineCode text={n.message} /></span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {report.document ? (
        <section aria-labelledby="preview-title" className="space-y-2">
          <h3 id="preview-title" className="text-sm font-semibold">The contract as consumers will see it</h3>
          <ContractView version={previewVersion(report)} />
        </section>
      ) : null}
    </div>
  );
}

/** The shape ContractView reads, built from the parsed document. */
function previewVersion(report: PublishReport): Parameters<typeof ContractView>[0]["version"] {
  const doc = report.document!;
  return {
    id: "preview",
    version: doc.version,
    status: "PUBLISHED",
    owner: doc.owner,
    sla: doc.sla,
    semantics: doc.semantics,
    changeClass: null,
    sourceFormat: report.format ?? "NATIVE",
    publishedAt: new Date(0),
    publishedBy: null,
    fields: flattenFields(doc).map(({ path, name, type, required, description, tags, pii, mask, enumValues }) => ({ path, name, type, required, description, tags, pii, mask, enumValues })),
  } as unknown as Parameters<typeof ContractView>[0]["version"];
}

const EFFECT: Record<SubscriberEffect, { label: string; tone: "red" | "green" | "amber" | "neutral" }> = {
  BREAKS: { label: "breaks", tone: "red" },
  UPGRADES: { label: "flows in", tone: "green" },
  NEW_MAJOR: { label: "stays: new major", tone: "amber" },
  UNCHANGED: { label: "unchanged", tone: "neutral" },
  REVIVES: { label: "revives a broken pin", tone: "green" },
};

/** Who this version reaches: each subscriber's pin before and after, and the active deprecations. */
function ImpactView({ impact }: { impact: PublishImpact }) {
  const counts = impact.subscribers.reduce<Record<string, number>>((a, s) => ((a[s.effect] = (a[s.effect] ?? 0) + 1), a), {});
  return (
    <section aria-labelledby="impact-title" className="space-y-2">
      <h3 id="impact-title" className="text-sm font-semibold">
        Subscribers: {impact.subscribers.length}
        {impact.breaks ? <span className="ml-2 text-red-800 dark:text-red-300">{impact.breaks} would receive breaking changes</span> : null}
      </h3>
      {impact.subscribers.length ? (
        <>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {(Object.keys(EFFECT) as SubscriberEffect[]).filter((e) => counts[e]).map((e) => `${counts[e]} ${EFFECT[e].label}`).join(" · ")}
          </p>
          <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800">
            {impact.subscribers.map((s, i) => (
              <li key={i} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
                <span className="font-medium">{s.consumerTeam}</span>
                <InlineCode text={s.pinRange} />
                <span className="font-mono text-xs">{s.from ?? "none"} → {s.to ?? "none"}</span>
                <Badge tone={EFFECT[s.effect].tone}>{EFFECT[s.effect].label}</Badge>
                {s.breakingChanges.length ? <span className="text-xs text-zinc-700 dark:text-zinc-300">{s.breakingChanges.slice(0, 3).join("; ")}{s.breakingChanges.length > 3 ? ` and ${s.breakingChanges.length - 3} more` : ""}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {impact.deprecations.map((d, i) => (
        <p key={i} className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          Deprecation of <InlineCode text={d.targetRange ?? "the whole product"} />, sunset {d.sunsetAt.slice(0, 10)}
          {d.coversNewVersion ? ": this new version falls inside it" : ""}; {d.subscribers.length} subscriber{d.subscribers.length === 1 ? "" : "s"} still on it{d.subscribers.length ? ` (${d.subscribers.join(", ")})` : ""}.
        </p>
      ))}
    </section>
  );
}
