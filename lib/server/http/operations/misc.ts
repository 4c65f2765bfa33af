import "server-only";
import { z } from "zod";
import { defineOperation } from "../openapi";
import { ZListAudit } from "../../services/audit/schemas";
import { ZUpdateProduct } from "../../services/products/schemas";
import { ZAuditPageDto, ZMeDto, ZProductDto } from "./dto";

export const meOp = defineOperation({
  method: "GET",
  path: "/api/v1/me",
  operationId: "whoAmI",
  tag: "Identity",
  summary: "Who is calling: the signed-in user, or the token with its team and scopes",
  auth: { permission: "authenticated", scopes: ["read", "contracts:write", "measurements:write", "subscriptions:write", "lineage:write"] },
  response: ZMeDto,
});

export const listAuditOp = defineOperation({
  method: "GET",
  path: "/api/v1/audit",
  operationId: "listAudit",
  tag: "Audit",
  summary: "The audit trail, newest first, filterable; page with `cursor`",
  description: "With `team` or `product`: that team's entries (needs `audit.read` on it). Without: everything for platform admins, else your own teams' entries.",
  auth: { permission: "audit.read", scopes: ["read"] },
  query: ZListAudit,
  response: ZAuditPageDto,
  errors: [403, 404],
});

export const updateProductOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/products/{key}",
  operationId: "updateProduct",
  tag: "Products",
  summary: "Edit a product's name, description, tags, reliability class or approval setting",
  auth: { permission: "product.update", scopes: ["contracts:write"] },
  params: z.object({ key: z.string().min(1).max(200).meta({ description: "The product key, domain.topic.tier" }) }),
  body: ZUpdateProduct.omit({ key: true }).strict(),
  response: ZProductDto,
  errors: [403, 404],
});

export const openApiOp = defineOperation({
  method: "GET",
  path: "/api/v1/openapi.json",
  operationId: "openApiDocument",
  tag: "Meta",
  summary: "This document (OpenAPI 3.1)",
  auth: "public",
  response: z.object({ openapi: z.string() }).loose(),
});
