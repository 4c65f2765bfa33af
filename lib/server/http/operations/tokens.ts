import "server-only";
import { z } from "zod";
import { defineOperation } from "../openapi";
import { ZTeamSlug } from "../../services/teams/schemas";
import { ZCreateToken } from "../../services/tokens/schemas";
import { ZCreatedTokenDto, ZTokenDto, ZTokenListItemDto } from "./dto";

const ZSlugParams = z.object({ slug: ZTeamSlug });

export const listTokensOp = defineOperation({
  method: "GET",
  path: "/api/v1/teams/{slug}/tokens",
  operationId: "listTokens",
  tag: "Tokens",
  summary: "The team's API tokens (never their secrets)",
  auth: { permission: "token.manage", sessionOnly: true },
  params: ZSlugParams,
  response: z.array(ZTokenListItemDto),
  errors: [403, 404],
});

export const createTokenOp = defineOperation({
  method: "POST",
  path: "/api/v1/teams/{slug}/tokens",
  operationId: "createToken",
  tag: "Tokens",
  summary: "Create a team API token; the secret is in this response only",
  auth: { permission: "token.manage", sessionOnly: true },
  params: ZSlugParams,
  body: ZCreateToken.omit({ team: true }),
  response: ZCreatedTokenDto,
  status: 201,
  errors: [403, 404],
});

export const revokeTokenOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/teams/{slug}/tokens/{tokenId}",
  operationId: "revokeToken",
  tag: "Tokens",
  summary: "Revoke a token at once",
  auth: { permission: "token.manage", sessionOnly: true },
  params: ZSlugParams.extend({ tokenId: z.string().min(1).max(64) }),
  response: ZTokenDto,
  errors: [403, 404],
});
