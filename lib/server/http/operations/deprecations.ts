import "server-only";
import { z } from "zod";
import { defineOperation } from "../openapi";

const ZKeyParams = z.object({ key: z.string().min(1).max(200).meta({ description: "Product key, e.g. orders.order_facts.gold" }) });
const ZIdParams = z.object({ id: z.string().min(1).max(64).meta({ description: "The deprecation notice id" }) });
const ZNoticeStatus = z.enum(["ACTIVE", "WITHDRAWN", "COMPLETED"]);

export const ZNoticeDto = z
  .object({
    id: z.string(),
    targetRange: z.string().nullable().meta({ description: "Version range retired (pin syntax); null = the whole product" }),
    reason: z.string(),
    announcedAt: z.string(),
    sunsetAt: z.string(),
    status: ZNoticeStatus,
    replacementRange: z.string().nullable(),
    replacementProduct: z.object({ key: z.string() }).nullable(),
    migrationNotes: z.string().optional(),
    overrideReason: z.string().nullable().optional(),
  })
  .loose();

export const listProductDeprecationsOp = defineOperation({
  method: "GET",
  path: "/api/v1/products/{key}/deprecations",
  operationId: "listProductDeprecations",
  tag: "Deprecations",
  summary: "A product's deprecation notices, newest first",
  auth: { permission: "authenticated", scopes: ["read", "contracts:write", "subscriptions:write"] },
  params: ZKeyParams,
  response: z.array(ZNoticeDto),
  errors: [404],
});

export const publishDeprecationOp = defineOperation({
  method: "POST",
  path: "/api/v1/products/{key}/deprecations",
  operationId: "publishDeprecation",
  tag: "Deprecations",
  summary: "Announce that a version range (or the whole product) is retired on a sunset date (product owners)",
  description:
    "While any active subscription resolves into the range, the sunset must be at least the platform minimum (90 days by default) after now (422 otherwise). `overrideReason` lets a platform admin go below it.",
  auth: { permission: "deprecation.publish", scopes: ["contracts:write"] },
  params: ZKeyParams,
  body: z.object({
    targetRange: z.string().max(40).optional().meta({ description: "e.g. 2.x; omit for the whole product" }),
    reason: z.string().min(3).max(2000),
    sunsetAt: z.string().max(40).meta({ description: "YYYY-MM-DD (00:00 UTC) or an ISO timestamp" }),
    replacementProductKey: z.string().max(200).optional(),
    replacementRange: z.string().max(40).optional(),
    migrationNotes: z.string().max(20_000).optional().meta({ description: "Markdown (a safe subset is rendered)" }),
    overrideReason: z.string().max(1000).optional(),
  }),
  response: ZNoticeDto,
  status: 201,
  errors: [403, 404, 422],
});

export const updateDeprecationOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/deprecations/{id}",
  operationId: "updateDeprecation",
  tag: "Deprecations",
  summary: "Move the sunset: later at any time, earlier only within the minimum window (product owners)",
  auth: { permission: "deprecation.publish", scopes: ["contracts:write"] },
  params: ZIdParams,
  body: z.object({ sunsetAt: z.string().max(40), overrideReason: z.string().max(1000).optional() }),
  response: z.object({ id: z.string(), sunsetAt: z.string(), status: ZNoticeStatus }).loose(),
  errors: [403, 404, 409, 422],
});

export const withdrawDeprecationOp = defineOperation({
  method: "POST",
  path: "/api/v1/deprecations/{id}/withdraw",
  operationId: "withdrawDeprecation",
  tag: "Deprecations",
  summary: "Withdraw a notice; its versions are no longer deprecated (product owners)",
  auth: { permission: "deprecation.publish", scopes: ["contracts:write"] },
  params: ZIdParams,
  body: z.object({ reason: z.string().min(3).max(1000) }),
  response: z.object({ id: z.string(), status: ZNoticeStatus }).loose(),
  errors: [403, 404, 409],
});

export const acknowledgeDeprecationOp = defineOperation({
  method: "POST",
  path: "/api/v1/deprecations/{id}/acknowledge",
  operationId: "acknowledgeDeprecation",
  tag: "Deprecations",
  summary: "Record that a consumer team has seen a notice, or migrated off it",
  auth: { permission: "deprecation.acknowledge", scopes: ["subscriptions:write"] },
  params: ZIdParams,
  body: z.object({ team: z.string().min(1).max(64), state: z.enum(["SEEN", "MIGRATED"]) }),
  response: z.object({ noticeId: z.string(), teamId: z.string(), state: z.enum(["SEEN", "MIGRATED"]) }).loose(),
  errors: [403, 404, 422],
});
