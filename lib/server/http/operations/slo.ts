import "server-only";
import { z } from "zod";
import { defineOperation } from "../openapi";
import { ZMeasurementBatch, ZObjective, ZUpdateSlo } from "../../services/slo/schemas";
import { ZImpactPage } from "../../services/topology/schemas";

const ZKeyParams = z.object({ key: z.string().min(1).max(200).meta({ description: "Product key, e.g. inventory.stock_levels.gold" }) });

export const ingestMeasurementsOp = defineOperation({
  method: "POST",
  path: "/api/v1/measurements",
  operationId: "ingestMeasurements",
  tag: "SLOs",
  summary: "Report SLO measurements (batches of up to 5,000; re-sending an item, same idempotency key and observedAt, is harmless)",
  description: "Each item is validated on its own: the good ones are stored, the bad ones come back in `rejected` with their index. The touched products are queued for a status recompute (about a second later).",
  auth: { permission: "measurement.write", scopes: ["measurements:write"] },
  body: ZMeasurementBatch,
  response: z.object({
    received: z.number().int(),
    accepted: z.number().int().meta({ description: "Newly stored" }),
    duplicates: z.number().int().meta({ description: "Already stored with the same idempotency key and observedAt, or repeated in the batch (ignored)" }),
    rejected: z.array(z.object({ index: z.number().int(), idempotencyKey: z.string().optional(), code: z.enum(["invalid", "not_found", "forbidden", "no_objective"]), message: z.string() })),
  }),
  errors: [403, 413],
  bodyLimit: 8 * 1024 * 1024,
});

export const updateSloOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/products/{key}/slos/{objective}",
  operationId: "updateSlo",
  tag: "SLOs",
  summary: "Adjust an objective's target, rolling window or reporting cadence (owner team members)",
  auth: { permission: "slo.update", sessionOnly: true },
  params: ZKeyParams.extend({ objective: ZObjective }),
  body: ZUpdateSlo.omit({ product: true, objective: true }),
  response: z.object({ objective: ZObjective, threshold: z.number(), targetPercent: z.number(), windowDays: z.number().int(), cadenceMinutes: z.number().int() }),
  errors: [403, 404],
});

const ZImpactedProduct = z.object({ key: z.string(), name: z.string(), tier: z.string(), sloStatus: z.string(), atRisk: z.boolean(), team: z.string(), depth: z.number().int(), path: z.array(z.string()), kinds: z.array(z.string()), hardOnly: z.boolean() });

export const getImpactOp = defineOperation({
  method: "GET",
  path: "/api/v1/products/{key}/impact",
  operationId: "getImpact",
  tag: "Topology",
  summary: "Who is hurt if this product breaks: every downstream product and subscribing team, transitively, with the path",
  description: "Downstream products come one page at a time (by depth, then key): pass `nextCursor` back as `cursor` for the next page. `totals` and `byTeam` cover all of them; `teams` lists every subscribing team.",
  auth: { permission: "authenticated", scopes: ["read", "contracts:write", "measurements:write", "subscriptions:write", "lineage:write"] },
  params: ZKeyParams,
  query: ZImpactPage,
  response: z.object({
    product: z.object({ key: z.string(), name: z.string(), tier: z.string(), sloStatus: z.string() }),
    totals: z.object({ products: z.number().int(), hardOnly: z.number().int(), atRisk: z.number().int(), red: z.number().int(), teams: z.number().int() }),
    byTeam: z.array(z.object({ team: z.string(), name: z.string(), products: z.number().int(), hardOnly: z.number().int() })).meta({ description: "Owner teams of the downstream products, most impacted first" }),
    teams: z.array(z.object({ slug: z.string(), name: z.string(), onCallHandle: z.string().nullable(), contactChannel: z.string().nullable(), via: z.array(z.string()).meta({ description: `The nearest (up to 5) subscribed products through which the team is hit` }), viaCount: z.number().int(), path: z.array(z.string()) })),
    products: z.array(ZImpactedProduct),
    nextCursor: z.string().nullable(),
  }),
  errors: [404],
});

const ZObservation = z
  .object({ violation: z.string().nullable(), violationMessage: z.string().nullable(), waived: z.boolean(), waiverReason: z.string().nullable(), firstSeen: z.string().nullable(), lastSeen: z.string().nullable(), runs: z.number().int(), jobs: z.array(z.string()) })
  .nullable()
  .meta({ description: "For OBSERVED edges (OpenLineage): governance flag, waiver, when and by which jobs it was seen" });
const ZDependencyRow = z.object({ id: z.string(), kind: z.string(), origin: z.enum(["DECLARED", "SUBSCRIPTION", "OBSERVED"]), description: z.string(), violation: z.string().nullable(), observation: ZObservation, other: z.object({ key: z.string(), name: z.string(), kind: z.enum(["product", "source"]), sloStatus: z.string().nullable(), tier: z.string().nullable() }) });

export const listDependenciesOp = defineOperation({
  method: "GET",
  path: "/api/v1/products/{key}/dependencies",
  operationId: "listDependencies",
  tag: "Topology",
  summary: "A product's direct upstreams and downstreams, and SLA feasibility warnings",
  auth: { permission: "authenticated", scopes: ["read", "contracts:write", "measurements:write", "subscriptions:write", "lineage:write"] },
  params: ZKeyParams,
  response: z.object({ upstream: z.array(ZDependencyRow), downstream: z.array(ZDependencyRow), feasibility: z.array(z.object({ objective: z.string(), upstream: z.string(), message: z.string() })) }),
  errors: [404],
});

export const declareDependencyOp = defineOperation({
  method: "POST",
  path: "/api/v1/products/{key}/dependencies",
  operationId: "declareDependency",
  tag: "Topology",
  summary: "Declare that this product reads an upstream product or source system (HARD, SOFT, CONTROL or TRUTH)",
  description: "Tier rules apply (across domains only GOLD by default; GOLD never reads BRONZE) and cycles are refused (422, every rule listed).",
  auth: { permission: "dependency.manage", scopes: ["lineage:write"] },
  params: ZKeyParams,
  body: z.strictObject({ upstreamProduct: z.string().optional(), upstreamSource: z.string().optional(), kind: z.enum(["HARD", "SOFT", "CONTROL", "TRUTH"]).optional(), description: z.string().max(500).optional() }),
  response: z.object({ id: z.string(), kind: z.string(), origin: z.string(), description: z.string(), product: z.string(), upstream: z.string() }),
  status: 201,
  errors: [403, 404, 409, 422],
});

export const removeDependencyOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/products/{key}/dependencies/{id}",
  operationId: "removeDependency",
  tag: "Topology",
  summary: "Remove a declared dependency",
  auth: { permission: "dependency.manage", scopes: ["lineage:write"] },
  params: ZKeyParams.extend({ id: z.string().min(1).max(64) }),
  status: 204,
  errors: [403, 404],
});
