import "server-only";
import { z } from "zod";
import { defineOperation } from "../openapi";

const ZKeyParams = z.object({ key: z.string().min(1).max(200).meta({ description: "Product key, e.g. orders.order_facts.gold" }) });
export const ZVersionParams = ZKeyParams.extend({
  version: z.string().regex(/^(current|\d+\.\d+\.\d+)$/, "A version is MAJOR.MINOR.PATCH or `current`").meta({ description: "MAJOR.MINOR.PATCH, or `current`" }),
});
const ZClass = z.enum(["MAJOR", "MINOR", "PATCH"]);
const ZChange = z.object({ path: z.string(), kind: z.string(), class: ZClass, message: z.string() });
const ZViolation = z.object({ rule: z.string(), message: z.string(), path: z.string().optional(), line: z.number().int().nullable().optional(), column: z.number().int().nullable().optional() });

const ZImpact = z.object({
  subscribers: z.array(
    z.object({
      consumerTeam: z.string(),
      pinRange: z.string(),
      from: z.string().nullable().meta({ description: "The version the pin resolves to now" }),
      to: z.string().nullable().meta({ description: "The version it would resolve to after publishing" }),
      effect: z.enum(["BREAKS", "UPGRADES", "NEW_MAJOR", "UNCHANGED", "REVIVES"]).meta({ description: "BREAKS: the new version flows into the pin with MAJOR changes; NEW_MAJOR: the pin stays on an older major; REVIVES: a broken subscription resolves again" }),
      breakingChanges: z.array(z.string()),
    }),
  ),
  breaks: z.number().int().meta({ description: "Subscribers whose pin would receive breaking changes" }),
  deprecations: z.array(z.object({ targetRange: z.string().nullable(), sunsetAt: z.iso.datetime(), reason: z.string().nullable(), coversNewVersion: z.boolean(), subscribers: z.array(z.string()) })),
});

export const ZReportDto = z
  .object({
    product: z.string(),
    format: z.enum(["NATIVE", "ODCS"]).nullable(),
    version: z.string().nullable(),
    previous: z.string().nullable().meta({ description: "The version the diff is taken against (the newest below this one)" }),
    changes: z.array(ZChange),
    required: z.enum(["MAJOR", "MINOR", "PATCH", "NONE"]).meta({ description: "The bump the diff requires" }),
    declared: z.enum(["MAJOR", "MINOR", "PATCH", "INITIAL"]).nullable().meta({ description: "The bump the version number makes" }),
    violations: z.array(ZViolation),
    notes: z.array(z.object({ path: z.string(), kind: z.enum(["not-mapped", "converted", "defaulted"]), message: z.string() })).meta({ description: "ODCS parts converted, defaulted or not kept" }),
    changelog: z.array(z.string()),
    bestEffort: z.boolean(),
    ok: z.boolean(),
    document: z.unknown(),
    impact: ZImpact.nullable().meta({ description: "Who the version would reach; null when the document is invalid" }),
    warnings: z
      .array(z.object({ objective: z.enum(["FRESHNESS", "COMPLETENESS"]), upstream: z.string(), message: z.string() }))
      .meta({ description: "SLA feasibility: promises fresher or more complete than a HARD upstream promises (a warning, never a refusal)" }),
  })
  .meta({ id: "PublishReport" });

const ZVersionListItem = z.object({
  version: z.string(),
  status: z.enum(["PUBLISHED", "DEPRECATED", "RETIRED"]),
  changeClass: ZClass.nullable(),
  current: z.boolean(),
  sourceFormat: z.enum(["NATIVE", "ODCS"]),
  publishedAt: z.iso.datetime(),
  publishedBy: z.string().nullable(),
  changelog: z.string(),
  links: z.object({ self: z.string(), yaml: z.string(), odcs: z.string() }),
});

export const listContractVersionsOp = defineOperation({
  method: "GET",
  path: "/api/v1/products/{key}/contracts",
  operationId: "listContractVersions",
  tag: "Contracts",
  summary: "Every contract version of a product, newest first, with its class and changelog",
  auth: { permission: "authenticated", scopes: ["read", "contracts:write"] },
  params: ZKeyParams,
  response: z.object({ product: z.string(), versions: z.array(ZVersionListItem) }),
  errors: [403, 404],
});

export const publishContractOp = defineOperation({
  method: "POST",
  path: "/api/v1/products/{key}/contracts",
  operationId: "publishContractVersion",
  tag: "Contracts",
  summary: "Publish a contract version (native or ODCS, YAML or JSON body); `dryRun=true` only checks",
  description:
    "The body is the contract document itself: native Tessera YAML/JSON or ODCS v3 (detected, or forced with `format`). Send YAML with `Content-Type: application/yaml`. " +
    "The response is the publish report (diff against the previous version, required and declared bump, every rule violation, ODCS mapping notes). " +
    "Refusals carry the same report next to the error: 400 invalid document (with lines), 409 version already published (or published concurrently), 422 governance or semver rule violated. " +
    "A dry run answers 200 when publishing would succeed, and the refusal's status otherwise.",
  auth: { permission: "contract.publish", scopes: ["contracts:write"] },
  params: ZKeyParams,
  query: z.object({
    dryRun: z.enum(["true", "false"]).optional().meta({ description: "true: validate and report without writing" }),
    format: z.enum(["auto", "native", "odcs"]).optional().meta({ description: "Force the document format (default: detected)" }),
  }),
  body: z.looseObject({}).meta({ description: "A native contract document or an ODCS v3 document (JSON), or the same as YAML" }),
  response: z.object({ report: ZReportDto, published: z.object({ version: z.string(), changeClass: ZClass.nullable(), publishedAt: z.iso.datetime(), current: z.boolean() }).nullable() }),
  status: 201,
  errors: [403, 404, 409, 422],
  bodyLimit: 600 * 1024,
});

export const getContractVersionOp = defineOperation({
  method: "GET",
  path: "/api/v1/products/{key}/contracts/{version}",
  operationId: "getContractVersion",
  tag: "Contracts",
  summary: "One contract version: JSON, native YAML (`Accept: application/yaml` or `format=yaml`), ODCS (`format=odcs`) or the text as published (`format=source`)",
  auth: { permission: "authenticated", scopes: ["read", "contracts:write"] },
  params: ZVersionParams,
  query: z.object({
    format: z.enum(["json", "yaml", "odcs", "source"]).optional(),
    download: z.enum(["1", "true"]).optional().meta({ description: "Answer as a file download" }),
  }),
  response: z.object({
    product: z.string(),
    version: z.string(),
    status: z.string(),
    current: z.boolean(),
    changeClass: ZClass.nullable(),
    changes: z.array(ZChange),
    changelog: z.string(),
    sourceFormat: z.enum(["NATIVE", "ODCS"]),
    publishedAt: z.iso.datetime(),
    publishedBy: z.string().nullable(),
    document: z.unknown(),
  }),
  errors: [403, 404],
});

export const diffContractsOp = defineOperation({
  method: "POST",
  path: "/api/v1/contracts/diff",
  operationId: "diffContracts",
  tag: "Contracts",
  summary: "Stateless diff of two contract documents: every change with its class, and the required bump",
  description: "`old` and `new` are documents (native or ODCS) as JSON objects or as YAML strings. When both carry versions, `versionCheck` says whether the new number makes the required bump.",
  auth: { permission: "authenticated", scopes: ["read", "contracts:write", "measurements:write", "subscriptions:write", "lineage:write"] },
  body: z.object({
    old: z.union([z.string(), z.record(z.string(), z.unknown())]).meta({ description: "The old document (object, or YAML text)" }),
    new: z.union([z.string(), z.record(z.string(), z.unknown())]).meta({ description: "The new document (object, or YAML text)" }),
    format: z.enum(["auto", "native", "odcs"]).default("auto"),
  }),
  response: z.object({
    old: z.object({ version: z.string() }),
    new: z.object({ version: z.string() }),
    changes: z.array(ZChange),
    required: z.enum(["MAJOR", "MINOR", "PATCH", "NONE"]),
    changelog: z.array(z.string()),
    versionCheck: z.object({ ok: z.boolean(), declared: z.string().nullable(), message: z.string().nullable(), offending: z.array(ZChange) }),
  }),
  bodyLimit: 1200 * 1024,
});
