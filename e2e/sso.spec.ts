import { test, expect, type Page } from "@playwright/test";
import { expectAccessible } from "./helpers";

// Single sign-on against a real OpenID Connect provider (oidc-provider) started on loopback by
// playwright.config.ts (e2e/support/oidc-server.mjs): authorization code flow with PKCE and state.

async function ssoSignIn(page: Page, username: string, from = "/teams") {
  await page.goto(from);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByRole("button", { name: "Continue with Test IdP" }).click();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/interaction\//);
  await page.getByLabel("Username").fill(username);
  await page.getByRole("button", { name: "Sign in to the test IdP" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

test("first SSO sign-in creates the user; the second finds the same account", async ({ page, context }) => {
  const username = `sso-${Date.now().toString(36)}`;
  await page.goto("/signin");
  await expectAccessible(page);
  await ssoSignIn(page, username);
  await expect(page).toHaveURL(/\/teams$/);
  const me = await (await page.request.get("/api/v1/me")).json();
  expect(me).toEqual({ kind: "user", user: { email: `${username}@sso.test`, name: `SSO ${username}`, isPlatformAdmin: false, teams: [] } });
  await page.getByTestId("account-menu").click();
  await expect(page.getByText(`${username}@sso.test`)).toBeVisible();

  // Sign out (server-side session ends), then sign in again: same user, not a second one.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await context.clearCookies({ domain: "127.0.0.1" }); // forget the IdP session: log in there again
  await ssoSignIn(page, username, "/api-docs");
  await expect(page).toHaveURL(/\/api-docs$/);
  const again = await (await page.request.get("/api/v1/me")).json();
  expect(again.user.email).toBe(`${username}@sso.test`);
  // The SSO user can create a team like anyone signed in.
  const created = await page.request.post("/api/v1/teams", { data: { slug: username, name: `Team of ${username}` }, headers: { origin: new URL(page.url()).origin } });
  expect(created.status()).toBe(201);
});

test("an email in TESSERA_ADMIN_EMAILS becomes a platform admin at its first SSO sign-in, and the audit shows why", async ({ page }) => {
  await ssoSignIn(page, "sso-admin", "/audit");
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByText("Every change in the catalog, by anyone")).toBeVisible();
  await page.getByLabel("Action").fill("user.");
  await page.getByRole("button", { name: "Filter" }).click();
  const table = page.getByRole("table", { name: "Audit trail" });
  const grant = table.getByRole("row").filter({ hasText: "user.grant-admin" }).filter({ hasText: "config TESSERA_ADMIN_EMAILS" });
  await expect(grant.first()).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: "user.create" }).filter({ hasText: "sso oidc" }).first()).toBeVisible();
  await expectAccessible(page);
});

test("a refused or broken SSO round trip ends on the sign-in page with a clear message, never an error page", async ({ page }) => {
  await page.goto("/api/auth/callback/oidc?code=forged&state=forged");
  await expect(page).toHaveURL(/\/signin\?.*error=/);
  await expect(page.getByRole("alert").filter({ hasText: /did not complete|refused|failed/i })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/at \w+ \(|stack|TypeError/);
});
