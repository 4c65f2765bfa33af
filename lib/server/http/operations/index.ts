import "server-only";
import type { ApiOperation } from "../openapi";
import { addMemberOp, changeRoleOp, createTeamOp, getTeamOp, listTeamsOp, removeMemberOp, updateTeamOp } from "./teams";
import { createTokenOp, listTokensOp, revokeTokenOp } from "./tokens";
import { listAuditOp, meOp, openApiOp, updateProductOp } from "./misc";
import { acknowledgeDeprecationOp, listProductDeprecationsOp, publishDeprecationOp, updateDeprecationOp, withdrawDeprecationOp } from "./deprecations";
import { approveSubscriptionOp, createSubscriptionOp, listSubscribersOp, listSubscriptionsOp, rejectSubscriptionOp, revokeSubscriptionOp, updateSubscriptionOp, withdrawSubscriptionOp } from "./subscriptions";
import { diffContractsOp, getContractVersionOp, listContractVersionsOp, publishContractOp } from "./contracts";
import { searchProductsOp, suggestOp } from "./search";
import { claimDatasetOp, governanceReportOp, ingestLineageBatchOp, ingestLineageOp, listUnclaimedOp, reopenViolationOp, waiveViolationOp } from "./lineage";
import { getProductOp } from "./products-read";
import { declareDependencyOp, getImpactOp, ingestMeasurementsOp, listDependenciesOp, removeDependencyOp, updateSloOp } from "./slo";

/**
 * Every /api/v1 operation. A route handler is built from its operation (apiRoute), and
 * tests/integration/api-openapi.test.ts fails when a route file's method is missing here.
 */
export const ALL_OPERATIONS: readonly ApiOperation[] = [
  searchProductsOp,
  suggestOp,
  meOp,
  listTeamsOp,
  createTeamOp,
  getTeamOp,
  updateTeamOp,
  addMemberOp,
  changeRoleOp,
  removeMemberOp,
  listTokensOp,
  createTokenOp,
  revokeTokenOp,
  listAuditOp,
  updateProductOp,
  openApiOp,
  listSubscriptionsOp,
  createSubscriptionOp,
  updateSubscriptionOp,
  withdrawSubscriptionOp,
  approveSubscriptionOp,
  rejectSubscriptionOp,
  revokeSubscriptionOp,
  listSubscribersOp,
  listProductDeprecationsOp,
  publishDeprecationOp,
  updateDeprecationOp,
  withdrawDeprecationOp,
  acknowledgeDeprecationOp,
  listContractVersionsOp,
  publishContractOp,
  getContractVersionOp,
  diffContractsOp,
  ingestMeasurementsOp,
  updateSloOp,
  getImpactOp,
  listDependenciesOp,
  declareDependencyOp,
  removeDependencyOp,
  getProductOp,
  ingestLineageOp,
  ingestLineageBatchOp,
  listUnclaimedOp,
  claimDatasetOp,
  governanceReportOp,
  waiveViolationOp,
  reopenViolationOp,
];
