import "server-only";
import { z } from "zod";
import { defineOperation } from "../openapi";
import { ZAddMember, ZChangeRole, ZCreateTeam, ZTeamSlug, ZUpdateTeam } from "../../services/teams/schemas";
import { ZMembershipChangeDto, ZTeamDetailDto, ZTeamDto, ZTeamListItemDto } from "./dto";

const ZSlugParams = z.object({ slug: ZTeamSlug.meta({ description: "The team's slug, e.g. orders" }) });
const ZMemberParams = ZSlugParams.extend({ userId: z.string().min(1).max(64).meta({ description: "The member's user id (from GET /api/v1/teams/{slug})" }) });

export const listTeamsOp = defineOperation({
  method: "GET",
  path: "/api/v1/teams",
  operationId: "listTeams",
  tag: "Teams",
  summary: "The team directory, with your role in each",
  auth: { permission: "authenticated", scopes: ["read"] },
  response: z.array(ZTeamListItemDto),
});

export const createTeamOp = defineOperation({
  method: "POST",
  path: "/api/v1/teams",
  operationId: "createTeam",
  tag: "Teams",
  summary: "Create a team; you become its first owner",
  auth: { permission: "team.create", sessionOnly: true },
  body: ZCreateTeam,
  response: ZTeamDto,
  status: 201,
  errors: [403, 409],
});

export const getTeamOp = defineOperation({
  method: "GET",
  path: "/api/v1/teams/{slug}",
  operationId: "getTeam",
  tag: "Teams",
  summary: "A team: profile, and members when you may read the team",
  auth: { permission: "authenticated", scopes: ["read"] },
  params: ZSlugParams,
  response: ZTeamDetailDto,
  errors: [404],
});

export const updateTeamOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/teams/{slug}",
  operationId: "updateTeam",
  tag: "Teams",
  summary: "Change a team's name, description, on-call handle or contact channel",
  auth: { permission: "team.update", sessionOnly: true },
  params: ZSlugParams,
  body: ZUpdateTeam.omit({ slug: true }).strict(),
  response: ZTeamDto,
  errors: [403, 404],
});

export const addMemberOp = defineOperation({
  method: "POST",
  path: "/api/v1/teams/{slug}/members",
  operationId: "addTeamMember",
  tag: "Teams",
  summary: "Add a user to the team by email",
  auth: { permission: "team.members.manage", sessionOnly: true },
  params: ZSlugParams,
  body: ZAddMember.omit({ slug: true }).strict(),
  response: ZMembershipChangeDto,
  status: 201,
  errors: [403, 404, 409],
});

export const changeRoleOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/teams/{slug}/members/{userId}",
  operationId: "changeTeamRole",
  tag: "Teams",
  summary: "Make a member an owner, or an owner a member (never the last owner)",
  auth: { permission: "team.members.manage", sessionOnly: true },
  params: ZMemberParams,
  body: ZChangeRole.pick({ role: true }).strict(),
  response: ZMembershipChangeDto,
  errors: [403, 404, 422],
});

export const removeMemberOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/teams/{slug}/members/{userId}",
  operationId: "removeTeamMember",
  tag: "Teams",
  summary: "Remove a member, or leave the team yourself (never the last owner)",
  auth: { permission: "team.members.manage", sessionOnly: true },
  params: ZMemberParams,
  response: ZMembershipChangeDto,
  errors: [403, 404, 422],
});
