import { test, expect, type Page } from "@playwright/test";
import { demoAccount, expectAccessible, signIn } from "./helpers";
import { tessera } from "./support/cli";
import { freshUsers } from "./support/fresh-users";

// The identity journey of a team owner: create a team, manage members and roles, set on-call and
// channel, mint an API token (shown once), use it, revoke it, and read it all back in the audit
// trail, as the owner and as a platform admin. Its own people and team (e2e/support/fresh-users.ts):
// the demo accounts other specs use keep their memberships.
const consumer = demoAccount((a) => a.email.startsWith("consumer"));
const customerOwner = demoAccount((a) => a.email === "customer-owner@tessera.demo");
const admin = demoAccount((a) => a.isPlatformAdmin);

const membersTable = (page: Page) => page.getByRole("table", { name: /^Members of / });

test("an owner builds a team, mints and revokes a token, and the audit trail shows every write", async ({ page, browser, baseURL }) => {
  const [owner, colleague] = await freshUsers("owner", "colleague");
  const suffix = Date.now().toString(36);
  const slug = `journey-${suffix}`;
  const name = `Journey ${suffix}`;

  await signIn(page, owner.email, owner.password);
  await page.getByTestId("account-menu").click();
  await page.getByRole("link", { name: "Teams", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Teams", level: 1 })).toBeVisible();
  await expectAccessible(page);

  // Create: the creator is the first owner.
  const create = page.getByRole("form", { name: "Create a team" });
  await create.getByLabel("Team name").fill(name);
  await create.getByLabel("Slug").fill(slug);
  await create.getByLabel("On-call handle").fill("@journey-oncall");
  await create.getByLabel("Contact channel").fill("#journey");
  await create.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(new RegExp(`/teams/${slug}$`));
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(membersTable(page).getByRole("row", { name: new RegExp(owner.name) })).toContainText("owner");
  await expectAccessible(page);

  // Add a colleague as a member, by email; a typo is explained.
  const add = page.getByRole("form", { name: "Add a member" });
  await add.getByLabel("Email of the person to add").fill("nobody-here@tessera.demo");
  await add.getByRole("button", { name: "Add member" }).click();
  await expect(add.getByRole("alert")).toContainText("Nobody with the email nobody-here@tessera.demo uses Tessera yet");
  await add.getByLabel("Email of the person to add").fill(colleague.email);
  await add.getByRole("button", { name: "Add member" }).click();
  await expect(add.getByRole("status")).toContainText(`${colleague.email} was added as a member`);
  const colleagueRow = membersTable(page).getByRole("row", { name: new RegExp(colleague.name) });
  await expect(colleagueRow).toContainText("member");

  // Roles: promote the colleague, demote them again.
  await colleagueRow.getByLabel(`Role of ${colleague.name}`, { exact: true }).selectOption("OWNER");
  await colleagueRow.getByRole("button", { name: `Change role of ${colleague.name}` }).click();
  await expect(colleagueRow.getByText("owner", { exact: true })).toBeVisible();
  await colleagueRow.getByLabel(`Role of ${colleague.name}`, { exact: true }).selectOption("MEMBER");
  await colleagueRow.getByRole("button", { name: `Change role of ${colleague.name}` }).click();
  await expect(colleagueRow.getByText("member", { exact: true })).toBeVisible();

  // The last owner cannot leave the team ownerless.
  const ownerRow = membersTable(page).getByRole("row", { name: new RegExp(owner.name) });
  await ownerRow.getByRole("button", { name: "Leave this team" }).click();
  await expect(ownerRow.getByRole("alert")).toContainText("A team needs at least one owner");
  await expect(ownerRow).toContainText("owner");

  // On-call handle and contact channel.
  const profile = page.getByRole("form", { name: "Team profile" });
  await profile.getByLabel("On-call handle").fill("@journey-pager");
  await profile.getByLabel("Contact channel").fill("javascript:alert(1)");
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByRole("alert").filter({ hasText: "Contact channel" })).toBeVisible();
  await profile.getByLabel("Contact channel").fill("#journey-data");
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByRole("status")).toContainText("Team profile saved.");
  await page.reload();
  await expect(page.getByTestId("team-oncall")).toHaveText("@journey-pager");
  await expect(page.getByTestId("team-channel")).toHaveText("#journey-data");

  // A token, shown once, working within its scope.
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page).toHaveURL(/tab=tokens/);
  const tokenForm = page.getByRole("form", { name: "Create a token" });
  await tokenForm.getByLabel("Token name").fill("journey-ci");
  await tokenForm.getByLabel("Expires").selectOption("30");
  await tokenForm.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("status")).toContainText("shown only once");
  const secret = await page.getByTestId("new-token-secret").inputValue();
  expect(secret).toMatch(/^tsr_[0-9a-f]{8}_/);
  await expectAccessible(page);
  const bearer = { authorization: `Bearer ${secret}` };
  const asToken = await page.request.get(`/api/v1/teams/${slug}`, { headers: bearer });
  expect(asToken.status()).toBe(200);
  expect((await asToken.json()).members).toHaveLength(2);
  expect((await page.request.patch("/api/v1/products/customer.customer_profile.gold", { headers: bearer, data: { description: "no" } })).status()).toBe(403);
  await page.reload();
  expect(await page.content()).not.toContain(secret);
  const tokenRow = page.getByRole("table", { name: "API tokens of the team" }).getByRole("row", { name: /journey-ci/ });
  await expect(tokenRow.getByTestId("token-last-used")).not.toHaveText("never");
  await expect(tokenRow).toContainText("active");

  // Revoke: two steps, then the token is refused at once.
  await tokenRow.getByRole("button", { name: "Revoke journey-ci" }).click();
  await tokenRow.getByRole("button", { name: "Confirm revoking journey-ci" }).click();
  await expect(tokenRow).toContainText("revoked");
  expect((await page.request.get(`/api/v1/teams/${slug}`, { headers: bearer })).status()).toBe(401);

  // Remove the colleague again.
  await page.getByRole("link", { name: "Members" }).click();
  await membersTable(page).getByRole("row", { name: new RegExp(colleague.name) }).getByRole("button", { name: `Remove ${colleague.name} from the team` }).click();
  await expect(membersTable(page).getByRole("row", { name: new RegExp(colleague.name) })).toHaveCount(0);

  // The team's audit tab: every write of this journey, filterable.
  await page.getByRole("link", { name: "Audit" }).click();
  const audit = page.getByRole("table", { name: "Audit trail of the team" });
  for (const action of ["team.create", "team.member.add", "team.member.role", "team.update", "token.create", "token.revoke", "team.member.remove"]) {
    await expect(audit.getByRole("row").filter({ hasText: action }).first()).toBeVisible();
  }
  await expect(audit.getByRole("row").filter({ hasText: "team.update" }).first()).toContainText("@journey-pager");
  await expectAccessible(page);
  await page.getByLabel("Action").fill("token.");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=token\./);
  await expect(audit.getByRole("row")).toHaveCount(3); // header + create + revoke
  await expect(audit).not.toContainText("team.member");

  // A platform admin sees the same writes on the global audit page, filtered by team.
  const adminContext = await browser.newContext({ baseURL });
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin.email, admin.password);
  await adminPage.goto("/audit");
  await adminPage.getByLabel("Team").selectOption(slug);
  await adminPage.getByRole("button", { name: "Filter" }).click();
  const all = adminPage.getByRole("table", { name: "Audit trail" });
  await expect(all.getByRole("row").filter({ hasText: "token.revoke" }).filter({ hasText: owner.email })).toBeVisible();
  await expect(all.getByRole("row").filter({ hasText: "team.create" })).toBeVisible();
  await expectAccessible(adminPage);
  await adminContext.close();
});

test("a member sees the team but cannot manage it; the audit page is scoped to one's own teams", async ({ page }) => {
  await signIn(page, consumer.email, consumer.password);
  await page.goto("/teams/marketing");
  await expect(page.getByRole("heading", { name: "Marketing Analytics", level: 1 })).toBeVisible();
  await expect(membersTable(page)).toBeVisible();
  await expect(page.getByRole("form", { name: "Team profile" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Add a member" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "API tokens" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Change role of/ })).toHaveCount(0);
  // Another team: its public profile, not its members; no audit tab.
  await page.goto("/teams/orders");
  await expect(page.getByText("Only members of Orders see who is in the team")).toBeVisible();
  await expect(page.getByRole("link", { name: "Audit" })).toHaveCount(0);
  await page.goto("/teams/orders?tab=tokens");
  await expect(page.getByRole("form", { name: "Create a token" })).toHaveCount(0);
  await page.goto("/audit?team=orders");
  await expect(page.getByRole("alert").filter({ hasText: "permission" })).toBeVisible();
});

test("a product's audit page is one click from the product, for its owner team only", async ({ page }) => {
  await signIn(page, customerOwner.email, customerOwner.password);
  await page.goto("/products/customer.customer_profile.gold");
  await page.getByRole("navigation", { name: "Product sections" }).getByRole("link", { name: "Audit" }).click();
  await expect(page).toHaveURL(/\/products\/customer\.customer_profile\.gold\/audit$/);
  await expect(page.getByRole("table", { name: "Audit trail of customer.customer_profile.gold" })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/products/orders.order_facts.gold");
  await expect(page.getByRole("navigation", { name: "Product sections" }).getByRole("link", { name: "Audit" })).toHaveCount(0);
});

test("a token created with the CLI can call the API within its scopes and gets 403 outside them", async ({ request }) => {
  const token = tessera("token", "create", "--team", "payments", "--scopes", "read", "--name", `cli-e2e-${Date.now().toString(36)}`, "--expires-days", "1");
  expect(token).toMatch(/^tsr_[0-9a-f]{8}_/);
  const headers = { authorization: `Bearer ${token}` };
  const me = await request.get("/api/v1/me", { headers });
  expect(await me.json()).toMatchObject({ kind: "token", token: { team: "payments", scopes: ["read"] } });
  const team = await request.get("/api/v1/teams/payments", { headers });
  expect(team.status()).toBe(200);
  expect((await team.json()).members.length).toBeGreaterThan(0);
  expect((await request.get("/api/v1/audit?team=payments", { headers })).status()).toBe(200);
  // Outside its scopes: writes need contracts:write; other teams' audit needs membership.
  const write = await request.patch("/api/v1/products/payments.payment_transactions.gold", { headers, data: { description: "from CI" } });
  expect(write.status()).toBe(403);
  expect((await write.json()).error.code).toBe("forbidden");
  expect((await request.get("/api/v1/audit?team=orders", { headers })).status()).toBe(403);
  expect((await request.post("/api/v1/teams/payments/tokens", { headers, data: { name: "x", scopes: ["read"] } })).status()).toBe(403);
  expect((await request.get("/api/v1/me")).status()).toBe(401);
});
