import "server-only";
import type { Ctx } from "../auth/context";
import type { Permission } from "../auth/permissions";
import { updateProduct } from "./products/update-product";
import { createProduct } from "./products/create-product";
import { createSubscription } from "./subscriptions/create-subscription";
import { updateSubscription } from "./subscriptions/update-subscription";
import { withdrawSubscription } from "./subscriptions/withdraw-subscription";
import { decideSubscription } from "./subscriptions/decide-subscription";
import { revokeSubscription } from "./subscriptions/revoke-subscription";
import { createTeam } from "./teams/create-team";
import { updateTeam } from "./teams/update-team";
import { addMember } from "./teams/add-member";
import { removeMember } from "./teams/remove-member";
import { changeRole } from "./teams/change-role";
import { createToken } from "./tokens/create-token";
import { revokeToken } from "./tokens/revoke-token";
import { grantAdmin } from "./users/grant-admin";
import { setPassword } from "./users/set-password";
import { publishContractVersion } from "./contracts/publish-contract-version";
import { saveContractDraft } from "./contracts/save-contract-draft";
import { deleteContractDraft } from "./contracts/delete-contract-draft";
import { publishNotice } from "./deprecations/publish-notice";
import { updateNotice } from "./deprecations/update-notice";
import { withdrawNotice } from "./deprecations/withdraw-notice";
import { acknowledgeNotice } from "./deprecations/acknowledge-notice";
import { createWebhook } from "./webhooks/create-webhook";
import { deleteWebhook } from "./webhooks/delete-webhook";
import { sendTestWebhook } from "./webhooks/send-test-webhook";
import { ingestMeasurements } from "./slo/ingest-measurements";
import { updateSlo } from "./slo/update-slo";
import { declareDependency } from "./topology/declare-dependency";
import { removeDependency } from "./topology/remove-dependency";
import { ingestLineageEvent } from "./lineage/ingest-lineage-event";
import { ingestLineageBatch } from "./lineage/ingest-lineage-batch";
import { claimDataset } from "./lineage/claim-dataset";
import { waiveViolation } from "./lineage/waive-violation";
import { reopenViolation } from "./lineage/reopen-violation";

export interface WriteService {
  /** Stable name, also the key of its scenario in tests/integration/permission-matrix.test.ts. */
  name: string;
  /** The permission the service checks first. */
  permission: Permission;
  /** Source file, so the matrix test can check every guarded service is listed here. */
  source: string;
  run: (args: { ctx: Ctx; input: unknown }) => Promise<unknown>;
}

/**
 * Every write service, with the permission it requires. The permission-matrix test walks the
 * permission map against this list: a write permission with a service missing here fails it.
 */
export const WRITE_SERVICES: readonly WriteService[] = [
  { name: "products.create-product", permission: "product.create", source: "lib/server/services/products/create-product.ts", run: createProduct },
  { name: "subscriptions.create-subscription", permission: "subscription.manage", source: "lib/server/services/subscriptions/create-subscription.ts", run: createSubscription },
  { name: "subscriptions.update-subscription", permission: "subscription.manage", source: "lib/server/services/subscriptions/update-subscription.ts", run: updateSubscription },
  { name: "subscriptions.withdraw-subscription", permission: "subscription.manage", source: "lib/server/services/subscriptions/withdraw-subscription.ts", run: withdrawSubscription },
  { name: "subscriptions.decide-subscription", permission: "subscription.decide", source: "lib/server/services/subscriptions/decide-subscription.ts", run: decideSubscription },
  { name: "subscriptions.revoke-subscription", permission: "subscription.decide", source: "lib/server/services/subscriptions/revoke-subscription.ts", run: revokeSubscription },
  { name: "products.update-product", permission: "product.update", source: "lib/server/services/products/update-product.ts", run: updateProduct },
  { name: "teams.create-team", permission: "team.create", source: "lib/server/services/teams/create-team.ts", run: createTeam },
  { name: "teams.update-team", permission: "team.update", source: "lib/server/services/teams/update-team.ts", run: updateTeam },
  { name: "teams.add-member", permission: "team.members.manage", source: "lib/server/services/teams/add-member.ts", run: addMember },
  { name: "teams.remove-member", permission: "team.members.manage", source: "lib/server/services/teams/remove-member.ts", run: removeMember },
  { name: "teams.change-role", permission: "team.members.manage", source: "lib/server/services/teams/change-role.ts", run: changeRole },
  { name: "tokens.create-token", permission: "token.manage", source: "lib/server/services/tokens/create-token.ts", run: createToken },
  { name: "tokens.revoke-token", permission: "token.manage", source: "lib/server/services/tokens/revoke-token.ts", run: revokeToken },
  { name: "users.grant-admin", permission: "user.manage", source: "lib/server/services/users/grant-admin.ts", run: grantAdmin },
  { name: "users.set-password", permission: "user.manage", source: "lib/server/services/users/set-password.ts", run: setPassword },
  { name: "contracts.publish-contract-version", permission: "contract.publish", source: "lib/server/services/contracts/publish-contract-version.ts", run: publishContractVersion },
  { name: "contracts.save-contract-draft", permission: "contract.draft", source: "lib/server/services/contracts/save-contract-draft.ts", run: saveContractDraft },
  { name: "contracts.delete-contract-draft", permission: "contract.draft", source: "lib/server/services/contracts/delete-contract-draft.ts", run: deleteContractDraft },
  { name: "deprecations.publish-notice", permission: "deprecation.publish", source: "lib/server/services/deprecations/publish-notice.ts", run: publishNotice },
  { name: "deprecations.publish-notice-override", permission: "deprecation.override", source: "lib/server/services/deprecations/publish-notice.ts", run: publishNotice },
  { name: "deprecations.update-notice", permission: "deprecation.publish", source: "lib/server/services/deprecations/update-notice.ts", run: updateNotice },
  { name: "deprecations.withdraw-notice", permission: "deprecation.publish", source: "lib/server/services/deprecations/withdraw-notice.ts", run: withdrawNotice },
  { name: "deprecations.acknowledge-notice", permission: "deprecation.acknowledge", source: "lib/server/services/deprecations/acknowledge-notice.ts", run: acknowledgeNotice },
  { name: "webhooks.create-webhook", permission: "webhook.manage", source: "lib/server/services/webhooks/create-webhook.ts", run: createWebhook },
  { name: "webhooks.delete-webhook", permission: "webhook.manage", source: "lib/server/services/webhooks/delete-webhook.ts", run: deleteWebhook },
  { name: "webhooks.send-test-webhook", permission: "webhook.manage", source: "lib/server/services/webhooks/send-test-webhook.ts", run: sendTestWebhook },
  { name: "slo.ingest-measurements", permission: "measurement.write", source: "lib/server/services/slo/ingest-measurements.ts", run: ingestMeasurements },
  { name: "slo.update-slo", permission: "slo.update", source: "lib/server/services/slo/update-slo.ts", run: updateSlo },
  { name: "topology.declare-dependency", permission: "dependency.manage", source: "lib/server/services/topology/declare-dependency.ts", run: declareDependency },
  { name: "topology.remove-dependency", permission: "dependency.manage", source: "lib/server/services/topology/remove-dependency.ts", run: removeDependency },
  { name: "lineage.ingest-lineage-event", permission: "lineage.write", source: "lib/server/services/lineage/ingest-lineage-event.ts", run: ingestLineageEvent },
  { name: "lineage.ingest-lineage-batch", permission: "lineage.write", source: "lib/server/services/lineage/ingest-lineage-batch.ts", run: ingestLineageBatch },
  { name: "lineage.claim-dataset", permission: "product.update", source: "lib/server/services/lineage/claim-dataset.ts", run: claimDataset },
  { name: "lineage.waive-violation", permission: "governance.manage", source: "lib/server/services/lineage/waive-violation.ts", run: waiveViolation },
  { name: "lineage.reopen-violation", permission: "governance.manage", source: "lib/server/services/lineage/reopen-violation.ts", run: reopenViolation },
];
