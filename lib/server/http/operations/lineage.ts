import "server-only";
import { z } from "zod";
import { defineOperation } from "../openapi";
import { ZRunEvent } from "@/lib/domain/lineage/run-event";
import { MAX_BATCH_EVENTS, ZClaimDataset, ZGovernanceReportQuery, ZLineageBatch, ZListUnclaimed } from "../../services/lineage/schemas";

const ZDataset = z.object({ role: z.enum(["input", "output"]), namespace: z.string(), name: z.string(), match: z.enum(["exact", "case-insensitive", "ambiguous", "unclaimed"]), product: z.string().nullable() });
const ZEdge = z.object({ id: z.string(), downstream: z.string(), upstream: z.string(), created: z.boolean(), violation: z.string().nullable().meta({ description: "Broken rule ids, comma-separated" }), message: z.string().nullable() });
const ALL_SCOPES = ["read", "contracts:write", "measurements:write", "subscriptions:write", "lineage:write"] as const;

export const ingestLineageOp = defineOperation({
  method: "POST",
  path: "/api/v1/lineage",
  operationId: "ingestLineageEvent",
  tag: "Lineage",
  summary: "Report one OpenLineage RunEvent: datasets map to products through output ports; observed dependencies are recorded and checked against the governance rules",
  description:
    "Point an OpenLineage HTTP transport here (`url` = Tessera, `endpoint` = `api/v1/lineage`, api key = a token with `lineage:write`). Facets are accepted and ignored. Re-sending an event (same run id, event type, event time and job) is answered `duplicate` and changes nothing. Rule-breaking reads are recorded and flagged, never refused.",
  auth: { permission: "lineage.write", scopes: ["lineage:write"] },
  body: ZRunEvent,
  response: z.object({ status: z.enum(["accepted", "duplicate"]), eventId: z.string(), runId: z.string(), job: z.string(), datasets: z.array(ZDataset), edges: z.array(ZEdge) }),
  errors: [403],
});

export const ingestLineageBatchOp = defineOperation({
  method: "POST",
  path: "/api/v1/lineage/batch",
  operationId: "ingestLineageBatch",
  tag: "Lineage",
  summary: `Report up to ${MAX_BATCH_EVENTS} RunEvents (a JSON array); each has its own result`,
  description: "Each event is validated and stored on its own: bad ones come back `rejected` with their index and the error, the others are kept.",
  auth: { permission: "lineage.write", scopes: ["lineage:write"] },
  body: ZLineageBatch,
  response: z.object({
    received: z.number().int(),
    accepted: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.number().int(),
    items: z.array(z.object({ index: z.number().int(), status: z.enum(["accepted", "duplicate", "rejected"]), eventId: z.string().optional(), edges: z.array(ZEdge).optional(), unclaimed: z.number().int().optional(), code: z.string().optional(), message: z.string().optional(), details: z.unknown().optional() })),
  }),
  errors: [403, 413],
  bodyLimit: 8 * 1024 * 1024,
});

export const listUnclaimedOp = defineOperation({
  method: "GET",
  path: "/api/v1/lineage/unclaimed",
  operationId: "listUnclaimedDatasets",
  tag: "Lineage",
  summary: "Datasets seen in lineage that no output port claims, most recently seen first (50 a page)",
  auth: { permission: "authenticated", scopes: [...ALL_SCOPES] },
  query: ZListUnclaimed,
  response: z.object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    datasets: z.array(z.object({ id: z.string(), namespace: z.string(), name: z.string(), firstSeen: z.string(), lastSeen: z.string(), eventCount: z.number().int(), readBy: z.array(z.string()), writtenBy: z.array(z.string()) })),
    claimable: z.array(z.object({ key: z.string(), name: z.string() })).meta({ description: "Products the caller may claim a dataset for" }),
  }),
});

export const claimDatasetOp = defineOperation({
  method: "POST",
  path: "/api/v1/lineage/unclaimed/claim",
  operationId: "claimDataset",
  tag: "Lineage",
  summary: "Claim an unclaimed dataset for your product: it becomes an output port, and the runs already seen with it become observed dependencies",
  auth: { permission: "product.update", scopes: ["contracts:write"] },
  body: ZClaimDataset,
  response: z.object({
    product: z.string(),
    port: z.object({ id: z.string(), name: z.string(), kind: z.string(), namespace: z.string(), location: z.string() }),
    dataset: z.object({ namespace: z.string(), name: z.string() }),
    seenEvents: z.number().int(),
    edges: z.array(z.object({ downstream: z.string(), upstream: z.string(), violation: z.string().nullable() })),
  }),
  status: 201,
  errors: [403, 404, 409],
});

const ZSide = z.object({ key: z.string(), name: z.string(), tier: z.string(), domain: z.string(), team: z.string() });

export const governanceReportOp = defineOperation({
  method: "GET",
  path: "/api/v1/governance/violations",
  operationId: "getGovernanceReport",
  tag: "Lineage",
  summary: "Observed reads that break a governance rule (open, waived or all), filterable by domain and team, with counts",
  auth: { permission: "authenticated", scopes: [...ALL_SCOPES] },
  query: ZGovernanceReportQuery,
  response: z.object({
    filters: z.object({ domain: z.string().nullable(), team: z.string().nullable(), status: z.string() }),
    counts: z.object({ open: z.number().int(), waived: z.number().int(), byRule: z.record(z.string(), z.number().int()), unclaimedDatasets: z.number().int() }),
    flags: z.array(
      z.object({
        id: z.string(),
        rules: z.array(z.string()),
        message: z.string(),
        downstream: ZSide,
        upstream: ZSide,
        firstSeen: z.string().nullable(),
        lastSeen: z.string().nullable(),
        runs: z.number().int(),
        jobs: z.array(z.string()),
        waiver: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
      }),
    ),
  }),
});

export const reopenViolationOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/governance/violations/{id}/waive",
  operationId: "reopenViolation",
  tag: "Lineage",
  summary: "Take a waiver back: the flag is open again (platform admins; audited, with an optional reason)",
  auth: { permission: "governance.manage", sessionOnly: true },
  params: z.object({ id: z.string().min(1).max(64).meta({ description: "The dependency id from the report" }) }),
  body: z.strictObject({ reason: z.string().max(500).optional() }).optional(),
  response: z.object({ id: z.string(), violation: z.string().nullable(), waived: z.literal(false) }),
  errors: [403, 404],
});

export const waiveViolationOp = defineOperation({
  method: "POST",
  path: "/api/v1/governance/violations/{id}/waive",
  operationId: "waiveViolation",
  tag: "Lineage",
  summary: "Waive a flagged observed dependency, with a reason (platform admins; audited)",
  auth: { permission: "governance.manage", sessionOnly: true },
  params: z.object({ id: z.string().min(1).max(64).meta({ description: "The dependency id from the report" }) }),
  body: z.strictObject({ reason: z.string().max(500) }),
  response: z.object({ id: z.string(), violation: z.string().nullable(), waivedAt: z.string(), waivedBy: z.string().nullable(), waiverReason: z.string().nullable() }),
  errors: [403, 404],
});
