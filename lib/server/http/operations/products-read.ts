import "server-only";
import { z } from "zod";
import { defineOperation } from "../openapi";

export const getProductOp = defineOperation({
  method: "GET",
  path: "/api/v1/products/{key}",
  operationId: "getProduct",
  tag: "Products",
  summary: "A product: Tessera's JSON (default) or an Open Data Product Standard v1.0.0 document (`format=odps`)",
  description: "The ODPS document lists each output port once per published, not retired contract version, with the ODCS contract id and a link to the ODCS export of that version; declared upstream products are its input ports.",
  auth: { permission: "authenticated", scopes: ["read", "contracts:write", "measurements:write", "subscriptions:write", "lineage:write"] },
  params: z.object({ key: z.string().min(1).max(200).meta({ description: "The product key, domain.topic.tier" }) }),
  query: z.object({
    format: z.enum(["json", "odps"]).default("json"),
    download: z.enum(["1", "true"]).optional().meta({ description: "Answer as a file download" }),
  }),
  response: z.object({}).loose(),
  errors: [404],
});
