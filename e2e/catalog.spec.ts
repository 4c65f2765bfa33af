import { test, expect } from "@playwright/test";
import { demoAccount, expectAccessible, signIn } from "./helpers";

test("a consumer signs in, browses the marketplace, a domain's topic x tier grid and a gold contract", async ({ page }) => {
  const consumer = demoAccount((a) => a.email.startsWith("consumer"));
  await page.goto("/marketplace");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fmarketplace/);
  await signIn(page, consumer.email, consumer.password);

  await page.goto("/marketplace");
  await expect(page.getByRole("heading", { name: "Marketplace", level: 1 })).toBeVisible();
  const cards = page.getByRole("list", { name: "Data products" }).getByRole("listitem");
  expect(await cards.count()).toBeGreaterThan(5);
  await expectAccessible(page);

  // Narrow to gold products of the orders domain (facet checkboxes; each applies at once).
  await page.getByRole("group", { name: "Domain" }).getByRole("checkbox", { name: /^Orders/ }).check();
  await expect(page).toHaveURL(/domain=orders/);
  await page.getByRole("group", { name: "Tier" }).getByRole("checkbox", { name: /^Gold/ }).check();
  await expect(page).toHaveURL(/tier=GOLD/);
  await expect(cards.first()).toContainText("orders.");
  await expect(cards.first()).toContainText("Gold");

  // The domain page shows topics as rows and tiers as columns.
  await page.getByRole("link", { name: "Domains" }).click();
  await page.getByRole("link", { name: "Orders", exact: true }).click();
  const grid = page.getByRole("table", { name: "Topics by tier" });
  await expect(grid.getByRole("columnheader", { name: /Gold/ })).toBeVisible();
  await expect(grid.getByRole("rowheader", { name: "order_facts" })).toBeVisible();
  await expectAccessible(page);

  // A gold product's current contract: fields, SLA, semantics, owner and on-call.
  await grid.getByRole("row", { name: /order_facts/ }).getByRole("link").last().click();
  await expect(page).toHaveURL(/\/products\/orders\.order_facts\.gold/);
  await expect(page.getByRole("table", { name: "Schema" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Schema" }).getByRole("cell", { name: "order_id" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Promises (SLA)" })).toBeVisible();
  await expect(page.getByText(/Newest data no older than/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Semantics" })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Product details" })).toContainText(/@\w/);
  await expectAccessible(page);
});

test("signing out ends the session on the server", async ({ page, context }) => {
  const consumer = demoAccount((a) => a.email.startsWith("consumer"));
  await signIn(page, consumer.email, consumer.password);
  const cookies = await context.cookies();
  await page.getByTestId("account-menu").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  // Replaying the old cookie must not get back in: the server-side session is revoked.
  await context.addCookies(cookies);
  await page.goto("/subscriptions");
  await expect(page).toHaveURL(/\/signin/);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("consumer@tessera.demo");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
});
