import "server-only";
import { z } from "zod";
import { defineOperation } from "../openapi";
import { ZCreateSubscription, ZRevokeSubscription } from "../../services/subscriptions/schemas";

const ZIdParams = z.object({ id: z.string().min(1).max(64).meta({ description: "The subscription id" }) });
const ZKeyParams = z.object({ key: z.string().min(1).max(200).meta({ description: "Product key, e.g. orders.order_facts.gold" }) });
const ZStatus = z.enum(["PENDING", "ACTIVE", "BROKEN", "REJECTED", "WITHDRAWN", "REVOKED"]);
const ZState = z.enum(["BROKEN", "DEPRECATED", "NEW_MAJOR_AVAILABLE", "UPDATE_AVAILABLE", "CURRENT"]);

export const ZSubscriptionDto = z.object({
  id: z.string(),
  status: ZStatus,
  pinRange: z.string(),
  purpose: z.string(),
  productKey: z.string().optional(),
  resolvedVersion: z.string().nullable().optional(),
  outsideInterface: z.boolean().optional().meta({ description: "True for a plain team subscription to a non-GOLD product of another domain" }),
});

const ZMySubscriptionDto = z.object({
  id: z.string(),
  status: ZStatus,
  state: ZState,
  pinRange: z.string(),
  purpose: z.string(),
  product: z.object({ key: z.string(), name: z.string(), tier: z.enum(["BRONZE", "SILVER", "GOLD"]) }),
  consumerTeam: z.object({ slug: z.string(), name: z.string() }),
  resolved: z.string().nullable(),
  newestInRange: z.string().nullable(),
  newestOverall: z.string().nullable(),
  daysToSunset: z.number().int().nullable(),
});

export const listSubscriptionsOp = defineOperation({
  method: "GET",
  path: "/api/v1/subscriptions",
  operationId: "listSubscriptions",
  tag: "Subscriptions",
  summary: "Your teams' subscriptions (a token: its team's), most urgent first",
  auth: { permission: "authenticated", scopes: ["read"] },
  query: z.object({ team: z.string().max(64).optional().meta({ description: "Only this consumer team (slug)" }) }),
  response: z.array(ZMySubscriptionDto),
});

export const createSubscriptionOp = defineOperation({
  method: "POST",
  path: "/api/v1/subscriptions",
  operationId: "createSubscription",
  tag: "Subscriptions",
  summary: "Subscribe a team (optionally for one of its products) to a product through a pin",
  description: "Pending when the product requires approval (except inside the owner team). A consuming product records a dependency edge, subject to the tier rules (422).",
  auth: { permission: "subscription.manage", scopes: ["subscriptions:write"] },
  body: ZCreateSubscription,
  response: ZSubscriptionDto,
  status: 201,
  errors: [403, 404, 409, 422],
});

export const updateSubscriptionOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/subscriptions/{id}",
  operationId: "updateSubscription",
  tag: "Subscriptions",
  summary: "Move the pin or change the purpose",
  auth: { permission: "subscription.manage", scopes: ["subscriptions:write"] },
  params: ZIdParams,
  body: z.object({ pinRange: z.string().min(1).max(40).optional(), purpose: z.string().min(3).max(1000).optional() }),
  response: ZSubscriptionDto,
  errors: [403, 404, 409, 422],
});

export const withdrawSubscriptionOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/subscriptions/{id}",
  operationId: "withdrawSubscription",
  tag: "Subscriptions",
  summary: "End your team's subscription (or withdraw its request)",
  auth: { permission: "subscription.manage", scopes: ["subscriptions:write"] },
  params: ZIdParams,
  response: z.object({ id: z.string(), status: ZStatus }),
  errors: [403, 404, 409],
});

const decision = (verb: "approve" | "reject") =>
  defineOperation({
    method: "POST",
    path: `/api/v1/subscriptions/{id}/${verb}`,
    operationId: `${verb}Subscription`,
    tag: "Subscriptions",
    summary: verb === "approve" ? "Approve a pending subscription (product owners)" : "Reject a pending subscription with a reason (product owners)",
    auth: { permission: "subscription.decide", sessionOnly: true },
    params: ZIdParams,
    body: z.object({ reason: verb === "reject" ? z.string().min(3).max(1000) : z.string().max(1000).optional() }),
    response: z.object({ id: z.string(), status: ZStatus, decisionReason: z.string().nullable() }),
    errors: [403, 404, 409],
  });
export const approveSubscriptionOp = decision("approve");
export const rejectSubscriptionOp = decision("reject");

export const revokeSubscriptionOp = defineOperation({
  method: "POST",
  path: "/api/v1/subscriptions/{id}/revoke",
  operationId: "revokeSubscription",
  tag: "Subscriptions",
  summary: "End a subscription to your product, with a reason (product owners)",
  auth: { permission: "subscription.decide", sessionOnly: true },
  params: ZIdParams,
  body: ZRevokeSubscription.omit({ id: true }),
  response: z.object({ id: z.string(), status: ZStatus, decisionReason: z.string().nullable() }),
  errors: [403, 404, 409],
});

export const listSubscribersOp = defineOperation({
  method: "GET",
  path: "/api/v1/products/{key}/subscribers",
  operationId: "listSubscribers",
  tag: "Subscriptions",
  summary: "Who subscribes to a product, with pins, resolved versions, purposes and counts per major (`?format=csv` for a spreadsheet)",
  auth: { permission: "authenticated", scopes: ["read"] },
  params: ZKeyParams,
  query: z.object({ format: z.enum(["json", "csv"]).default("json") }),
  response: z.object({
    product: z.object({ key: z.string(), name: z.string(), requiresApproval: z.boolean() }),
    subscribers: z.array(z.object({ id: z.string(), status: ZStatus, pinRange: z.string(), purpose: z.string() }).loose()),
    perMajor: z.array(z.object({ major: z.string(), count: z.number().int() })),
  }),
  errors: [404],
});
