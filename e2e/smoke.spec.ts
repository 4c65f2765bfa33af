import { expect, test } from "@playwright/test";

// The app is up, connected to its database, and serves the sign-in form.
test("the sign-in page shows a form with an email field labelled Email", async ({ page }) => {
  const response = await page.goto("/signin");
  expect(response?.status()).toBe(200);
  const email = page.getByLabel("Email", { exact: true });
  await expect(email).toBeVisible();
  await expect(email).toBeEditable();
  await expect(page.locator("form").filter({ has: email })).toBeVisible();
});
