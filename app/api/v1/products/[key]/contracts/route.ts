import { apiHandler } from "@/lib/server/http/api-handler";
import { apiRoute } from "@/lib/server/http/api-route";
import { listContractVersionsOp, publishContractOp } from "@/lib/server/http/operations/contracts";
import { assertCanReadContracts, parsePart, refusalResponse } from "@/lib/server/http/contract-responses";
import { ValidationError } from "@/lib/server/errors";
import { listContractVersions } from "@/lib/server/services/contracts/list-contract-versions";
import { publishContractVersion } from "@/lib/server/services/contracts/publish-contract-version";
import { reportOf } from "@/lib/server/services/contracts/refusal";

const base = (key: string, version: string) => `/api/v1/products/${encodeURIComponent(key)}/contracts/${version}`;

export const GET = apiRoute(listContractVersionsOp, async ({ ctx, params }) => {
  assertCanReadContracts(ctx);
  const versions = await listContractVersions(params.key);
  return {
    product: params.key,
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status,
      changeClass: v.changeClass,
      current: v.current,
      sourceFormat: v.sourceFormat,
      publishedAt: v.publishedAt.toISOString(),
      publishedBy: v.publishedBy?.name ?? null,
      changelog: v.changelog,
      links: { self: base(params.key, v.version), yaml: `${base(params.key, v.version)}?format=yaml`, odcs: `${base(params.key, v.version)}?format=odcs` },
    })),
  };
});

// The body is the document itself, YAML or JSON: read as text, not through apiRoute's JSON parsing.
export const POST = apiHandler(
  async (r) => {
    const params = parsePart(publishContractOp.params, r.params, "path");
    const query = parsePart(publishContractOp.query, Object.fromEntries(r.url.searchParams), "query string");
    const source = await r.text();
    if (!source.trim()) throw new ValidationError("Send the contract document as the body: native YAML/JSON or ODCS.");
    if (source.includes("\u0000")) throw new ValidationError("Text must not contain NUL characters.");
    const dryRun = query.dryRun === "true";
    try {
      const { report, published } = await publishContractVersion({ ctx: r.ctx, input: { key: params.key, source, format: query.format ?? "auto", dryRun } });
      if (dryRun) return report.ok ? Response.json({ report, published: null }) : refusalResponse(report);
      const dto = published && { version: published.version, changeClass: published.changeClass, publishedAt: published.publishedAt.toISOString(), current: published.current };
      return Response.json({ report, published: dto }, { status: 201, headers: { location: base(params.key, published!.version) } });
    } catch (e) {
      const report = reportOf(e);
      if (report) return refusalResponse(report, e);
      throw e;
    }
  },
  { bodyLimit: publishContractOp.bodyLimit },
);
