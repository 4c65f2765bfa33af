import type { Metadata } from "next";
import { requireUser } from "@/lib/server/auth/session";
import { openApiDocument } from "@/lib/server/http/openapi-document";
import { Card } from "@/components/ui/card";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { SchemaView, type JsonSchema } from "@/components/api-docs/schema-view";

export const metadata: Metadata = { title: "API" };

type Operation = {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  parameters: { name: string; in: string; required: boolean; schema: JsonSchema; description?: string }[];
  requestBody?: { content: { "application/json": { schema: JsonSchema } } };
  responses: Record<string, { description: string; content?: { "application/json": { schema: JsonSchema } } }>;
};

const METHOD_TONE: Record<string, BadgeTone> = { get: "green", post: "indigo", patch: "amber", put: "amber", delete: "red" };

export default async function ApiDocsPage() {
  await requireUser("/api-docs");
  const doc = openApiDocument();
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op: op as Operation })));
  const tags = [...new Set(ops.map((o) => o.op.tags[0]))];
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">HTTP API</h1>
        <p className="max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">
          JSON over HTTPS under <code className="font-mono">/api/v1</code>. Machines authenticate with a team API token, created on a team&apos;s{" "}
          <em>API tokens</em> tab: <code className="font-mono">Authorization: Bearer tsr_…</code>. Errors are{" "}
          <code className="font-mono">{`{ "error": { "code", "message", "details" } }`}</code> with the status of their kind: 400 invalid input, 401 no valid
          credentials, 403 not allowed, 404 not found, 409 conflict, 413 body too large, 415 not JSON, 422 a rule is violated, 429 rate limited (see{" "}
          <code className="font-mono">Retry-After</code>).
        </p>
        <p className="text-sm">
          Machine-readable: <a href="/api/v1/openapi.json" className="font-mono text-indigo-700 underline dark:text-indigo-300">/api/v1/openapi.json</a> (OpenAPI {doc.openapi}).
        </p>
        <nav aria-label="API sections">
          <ul className="flex flex-wrap gap-2 text-sm">
            {tags.map((t) => (
              <li key={t}><a href={`#tag-${t}`} className="text-indigo-700 underline dark:text-indigo-300">{t}</a></li>
            ))}
          </ul>
        </nav>
      </div>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="space-y-3">
          <h2 id={`tag-${tag}`} className="text-lg font-semibold">{tag}</h2>
          {ops
            .filter((o) => o.op.tags[0] === tag)
            .map(({ path, method, op }) => {
              const ok = Object.entries(op.responses).find(([s]) => s.startsWith("2"));
              const errors = Object.entries(op.responses).filter(([s]) => !s.startsWith("2"));
              return (
                <Card key={op.operationId} as="article" aria-labelledby={`op-${op.operationId}`}>
                  <h3 id={`op-${op.operationId}`} className="flex flex-wrap items-center gap-2">
                    <Badge tone={METHOD_TONE[method] ?? "neutral"} className="font-mono uppercase">{method}</Badge>
                    <code className="font-mono text-sm font-semibold">{path}</code>
                  </h3>
                  <p className="mt-1 text-sm font-medium">{op.summary}</p>
                  {op.description ? op.description.split("\n\n").map((p, i) => <p key={i} className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{p.replace(/`/g, "")}</p>) : null}
                  {op.parameters.length ? (
                    <div className="mt-3">
                      <h4 className="text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Parameters</h4>
                      <ul className="mt-1 space-y-1 text-sm">
                        {op.parameters.map((p) => (
                          <li key={`${p.in}-${p.name}`}>
                            <code className="font-mono font-semibold">{p.name}</code> <span className="text-xs text-zinc-600 dark:text-zinc-400">in {p.in}{p.required ? ", required" : ""}</span>
                            {p.description ? <span className="block text-xs text-zinc-600 dark:text-zinc-400">{p.description}</span> : null}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  {op.requestBody ? (
                    <div className="mt-3">
                      <h4 className="text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Request body (JSON)</h4>
                      <div className="mt-1"><SchemaView schema={op.requestBody.content["application/json"].schema} /></div>
                    </div>
                  ) : null}
                  {ok ? (
                    <details className="mt-3">
                      <summary className="cursor-pointer text-sm font-medium">Response {ok[0]}: {ok[1].description}</summary>
                      {ok[1].content ? <div className="mt-1"><SchemaView schema={ok[1].content["application/json"].schema} /></div> : null}
                    </details>
                  ) : null}
                  <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">Errors: {errors.map(([s, r]) => `${s} ${r.description}`).join(" · ")}</p>
                </Card>
              );
            })}
        </section>
      ))}
    </div>
  );
}
