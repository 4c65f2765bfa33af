import { apiRoute } from "@/lib/server/http/api-route";
import { getContractVersionOp } from "@/lib/server/http/operations/contracts";
import { assertCanReadContracts } from "@/lib/server/http/contract-responses";
import { getContractVersion } from "@/lib/server/services/contracts/get-contract-version";
import { toContractYaml } from "@/lib/domain/contracts/yaml";
import { exportOdcs, exportOdcsYaml } from "@/lib/domain/odcs/export";

const ODCS_STATUS = { PUBLISHED: "active", DEPRECATED: "deprecated", RETIRED: "retired" } as const;
const wantsYaml = (accept: string | null) => /\b(application|text)\/(x-)?yaml\b/i.test(accept ?? "");
const wantsJson = (accept: string | null) => /\bapplication\/json\b/i.test(accept ?? "") && !wantsYaml(accept);

function file(body: string, type: string, name: string | null) {
  return new Response(body, { headers: { "content-type": `${type}; charset=utf-8`, ...(name ? { "content-disposition": `attachment; filename="${name}"` } : {}) } });
}

export const GET = apiRoute(getContractVersionOp, async ({ ctx, params, query, req }) => {
  assertCanReadContracts(ctx);
  const v = await getContractVersion(params.key, params.version);
  const accept = req.req.headers.get("accept");
  const format = query.format ?? (wantsYaml(accept) ? "yaml" : "json");
  const name = (ext: string) => (query.download ? `${v.product}-${v.version}${ext}` : null);
  if (format === "yaml") return file(toContractYaml(v.document), "application/yaml", name(".yaml"));
  if (format === "source") {
    const json = v.sourceYaml.trimStart().startsWith("{");
    return file(v.sourceYaml, json ? "application/json" : "application/yaml", name(v.sourceFormat === "ODCS" ? ".source.odcs.yaml" : json ? ".source.json" : ".source.yaml"));
  }
  if (format === "odcs") {
    const status = ODCS_STATUS[v.status];
    if (wantsJson(accept)) return Response.json(exportOdcs(v.document, { status }));
    return file(exportOdcsYaml(v.document, { status }), "application/yaml", name(".odcs.yaml"));
  }
  return {
    product: v.product,
    version: v.version,
    status: v.status,
    current: v.current,
    changeClass: v.changeClass,
    changes: v.changes,
    changelog: v.changelog,
    sourceFormat: v.sourceFormat,
    publishedAt: v.publishedAt.toISOString(),
    publishedBy: v.publishedBy?.name ?? null,
    document: v.document,
  };
});
